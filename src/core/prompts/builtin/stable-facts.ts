/**
 * Built-in set "Stable facts": questions on facts that do not change
 * (science, mathematics, geography, history, the arts), each with a short
 * corpus passage that states the answer. It measures the floor on knowledge a
 * small model should have, and whether retrieval helps or distracts on it.
 *
 * How it was written: authored item by item for Floorcheck. Only facts that
 * are settled and will stay so; no "largest city", populations, records or
 * anything in dispute (no "longest river": Nile and Amazon are contested). Accepted
 * answers carry the forms people write: digits and words ("8", "eight"),
 * other names ("Sagarmatha"), units and conversions ("212 °F"), dates in
 * common orders. Known-incorrect answers are the classic misconceptions
 * (Sydney for Australia's capital, Mercury for the hottest planet).
 * Each entry is written once, question and passage together, and split into
 * an item and a document below, so a passage cannot drift from its item.
 * Tags: `topic:*` is the domain, `answer_type:*` the kind of answer (as in
 * the SimpleQA slice).
 */
import type { CorpusDoc, PromptItem, PromptSet } from '../types';

interface StableFact {
  id: string;
  tags: string[];
  prompt: string;
  answers: string[];
  incorrectAnswers?: string[];
  /** Title and text of the passage that states the answer (1–3 sentences). */
  title: string;
  passage: string;
}

const facts: StableFact[] = [
  // Science
  {
    id: 'sf-water-boiling-point',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'At sea level, at what temperature does pure water boil, in degrees Celsius?',
    answers: [
      '100 °C',
      '100 degrees Celsius',
      '100',
      'one hundred degrees Celsius',
      '212 °F',
      '212 degrees Fahrenheit',
    ],
    title: 'Boiling point of water',
    passage:
      'At standard atmospheric pressure, as at sea level, pure water boils at 100 °C (212 °F). At higher altitudes, where the pressure is lower, it boils at a lower temperature.',
  },
  {
    id: 'sf-water-freezing-fahrenheit',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'At what temperature on the Fahrenheit scale does pure water freeze?',
    answers: ['32 °F', '32 degrees Fahrenheit', '32', 'thirty-two degrees Fahrenheit'],
    incorrectAnswers: ['0 °F'],
    title: 'Freezing point of water',
    passage:
      'At standard atmospheric pressure, pure water freezes at 0 °C, which is 32 °F on the Fahrenheit scale.',
  },
  {
    id: 'sf-absolute-zero',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'What is absolute zero on the Celsius scale?',
    answers: [
      '-273.15 °C',
      '−273.15 °C',
      '-273.15 degrees Celsius',
      'minus 273.15 degrees Celsius',
      '-273.15',
      '−273.15',
    ],
    title: 'Absolute zero',
    passage:
      'Absolute zero, the lowest temperature possible in theory, is 0 kelvin, which equals -273.15 °C or -459.67 °F.',
  },
  {
    id: 'sf-speed-of-light',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'What is the speed of light in a vacuum, in metres per second?',
    answers: [
      '299,792,458 metres per second',
      '299,792,458 m/s',
      '299792458 m/s',
      '299,792,458 meters per second',
      '299,792,458',
      '299792458',
    ],
    title: 'Speed of light',
    passage:
      'Light travels through a vacuum at exactly 299,792,458 metres per second, about 300,000 kilometres per second. The value is exact because, since 1983, the metre has been defined by it.',
  },
  {
    id: 'sf-gold-symbol',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What is the chemical symbol for gold?',
    answers: ['Au'],
    incorrectAnswers: ['Ag'],
    title: 'Gold',
    passage:
      'Gold is the chemical element with the symbol Au, from its Latin name aurum, and atomic number 79.',
  },
  {
    id: 'sf-sodium-symbol',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What is the chemical symbol for sodium?',
    answers: ['Na'],
    title: 'Sodium',
    passage: 'Sodium has the chemical symbol Na, from its Latin name natrium, and atomic number 11.',
  },
  {
    id: 'sf-carbon-atomic-number',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'What is the atomic number of carbon?',
    answers: ['6', 'six'],
    incorrectAnswers: ['12', 'twelve'],
    title: 'Carbon',
    passage:
      'Carbon has atomic number 6: every carbon atom has six protons in its nucleus. Its most common isotope, carbon-12, also has six neutrons.',
  },
  {
    id: 'sf-water-formula',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What is the chemical formula of water?',
    answers: ['H2O', 'H₂O'],
    incorrectAnswers: ['H2O2'],
    title: 'Water molecule',
    passage:
      'A water molecule is made of two hydrogen atoms bonded to one oxygen atom, so its chemical formula is H2O.',
  },
  {
    id: 'sf-lightest-element',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'Which chemical element is the lightest?',
    answers: ['hydrogen'],
    incorrectAnswers: ['helium'],
    title: 'Hydrogen',
    passage:
      'Hydrogen, with atomic number 1, is the lightest chemical element and the most abundant in the universe.',
  },
  {
    id: 'sf-atmosphere-nitrogen',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: "Which gas makes up most of Earth's atmosphere?",
    answers: ['nitrogen', 'N2', 'N₂'],
    incorrectAnswers: ['oxygen'],
    title: "Composition of Earth's atmosphere",
    passage:
      "By volume, dry air in Earth's atmosphere is about 78 per cent nitrogen, 21 per cent oxygen and just under 1 per cent argon.",
  },
  {
    id: 'sf-hardest-mineral',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'Which mineral is rated 10, the hardest, on the Mohs scale?',
    answers: ['diamond'],
    title: 'Mohs scale of mineral hardness',
    passage:
      'On the Mohs scale of mineral hardness, diamond is rated 10, the highest value, and talc is rated 1, the lowest.',
  },
  {
    id: 'sf-si-unit-force',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What is the SI unit of force?',
    answers: ['newton', 'newtons'],
    incorrectAnswers: ['joule'],
    title: 'Newton (unit)',
    passage:
      'The SI unit of force is the newton (N): one newton gives a mass of one kilogram an acceleration of one metre per second squared.',
  },
  {
    id: 'sf-si-unit-resistance',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What is the SI unit of electrical resistance?',
    answers: ['ohm', 'ohms', 'Ω'],
    incorrectAnswers: ['ampere', 'volt'],
    title: 'Ohm',
    passage:
      'The ohm, symbol Ω, is the SI unit of electrical resistance. It is named after the German physicist Georg Simon Ohm.',
  },
  {
    id: 'sf-general-relativity',
    tags: ['topic:Science', 'answer_type:Person'],
    prompt: 'Who developed the general theory of relativity?',
    answers: ['Albert Einstein', 'Einstein'],
    incorrectAnswers: ['Isaac Newton'],
    title: 'General relativity',
    passage:
      'Albert Einstein completed his general theory of relativity in 1915. It describes gravity as the curvature of spacetime by mass and energy.',
  },
  {
    id: 'sf-principia',
    tags: ['topic:Science', 'answer_type:Person'],
    prompt: 'Who set out the three laws of motion in the Principia, first published in 1687?',
    answers: ['Isaac Newton', 'Newton'],
    incorrectAnswers: ['Galileo Galilei'],
    title: 'Principia Mathematica',
    passage:
      'Isaac Newton stated his three laws of motion and his law of universal gravitation in the Philosophiæ Naturalis Principia Mathematica, first published in 1687.',
  },
  {
    id: 'sf-planet-count',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'How many planets are there in the Solar System?',
    answers: ['8', 'eight'],
    incorrectAnswers: ['9', 'nine'],
    title: 'Planets of the Solar System',
    passage:
      'Under the definition adopted by the International Astronomical Union in 2006, the Solar System has eight planets: Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus and Neptune. Pluto is classed as a dwarf planet.',
  },
  {
    id: 'sf-closest-planet',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'Which planet is closest to the Sun?',
    answers: ['Mercury'],
    incorrectAnswers: ['Venus'],
    title: 'Mercury (planet)',
    passage:
      'Mercury is the innermost planet of the Solar System, orbiting closest to the Sun, and also the smallest planet.',
  },
  {
    id: 'sf-hottest-planet',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'Which planet in the Solar System has the hottest surface?',
    answers: ['Venus'],
    incorrectAnswers: ['Mercury'],
    title: 'Venus (planet)',
    passage:
      'Venus has the hottest surface of any planet, more than 450 °C, because its thick carbon dioxide atmosphere traps heat. Mercury is closer to the Sun but, with almost no atmosphere, is cooler on average.',
  },
  {
    id: 'sf-largest-planet',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What is the largest planet in the Solar System?',
    answers: ['Jupiter'],
    incorrectAnswers: ['Saturn'],
    title: 'Jupiter',
    passage:
      'Of all the planets in the Solar System, Jupiter is the largest: its mass is more than twice that of all the other planets combined.',
  },
  {
    id: 'sf-titan',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'Around which planet does the moon Titan orbit?',
    answers: ['Saturn'],
    incorrectAnswers: ['Jupiter'],
    title: 'Titan (moon)',
    passage:
      'Titan is the largest moon of Saturn and the only moon in the Solar System known to have a dense atmosphere.',
  },
  {
    id: 'sf-human-bones',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'How many bones are there in the typical adult human skeleton?',
    answers: ['206', 'two hundred and six', 'two hundred six'],
    title: 'Human skeleton',
    passage:
      'The typical adult human skeleton has 206 bones. Babies are born with more, some of which fuse together during growth.',
  },
  {
    id: 'sf-heart-chambers',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'How many chambers does the human heart have?',
    answers: ['4', 'four'],
    title: 'Human heart',
    passage:
      'The human heart has four chambers: two upper chambers, the atria, and two lower chambers, the ventricles.',
  },
  {
    id: 'sf-human-chromosomes',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'How many chromosomes are there in a typical human body cell?',
    answers: ['46', 'forty-six', 'forty six', '23 pairs'],
    incorrectAnswers: ['48'],
    title: 'Human chromosomes',
    passage:
      'A typical human body cell contains 46 chromosomes, arranged in 23 pairs. Until 1956 the number was widely believed to be 48.',
  },
  {
    id: 'sf-dna',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What does the abbreviation DNA stand for?',
    answers: ['deoxyribonucleic acid'],
    incorrectAnswers: ['ribonucleic acid'],
    title: 'DNA',
    passage:
      'DNA stands for deoxyribonucleic acid, the molecule that carries the genetic instructions of living organisms.',
  },
  {
    id: 'sf-photosynthesis-organelle',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'In which part of a plant cell does photosynthesis take place?',
    answers: ['chloroplast', 'chloroplasts'],
    incorrectAnswers: ['mitochondria', 'mitochondrion'],
    title: 'Chloroplast',
    passage:
      'In plants and algae, photosynthesis takes place in chloroplasts, organelles that contain the green pigment chlorophyll.',
  },
  {
    id: 'sf-photosynthesis-gas',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'Which gas do plants take in from the air for photosynthesis?',
    answers: ['carbon dioxide', 'CO2', 'CO₂'],
    incorrectAnswers: ['oxygen'],
    title: 'Photosynthesis',
    passage:
      'In photosynthesis, plants take in carbon dioxide and water and, using energy from light, make glucose, releasing oxygen as a by-product.',
  },
  {
    id: 'sf-insect-legs',
    tags: ['topic:Science', 'answer_type:Number'],
    prompt: 'How many legs does an adult insect have?',
    answers: ['6', 'six'],
    incorrectAnswers: ['8', 'eight'],
    title: 'Insect',
    passage:
      'Adult insects have six legs, all attached to the thorax. Spiders are not insects: they are arachnids and have eight legs.',
  },
  {
    id: 'sf-venous-blood-colour',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'What colour is the blood in human veins?',
    answers: ['dark red', 'red'],
    incorrectAnswers: ['blue'],
    title: 'Colour of blood',
    passage:
      'Human blood is always red: blood rich in oxygen is bright red, and blood low in oxygen, as in the veins, is a darker red. Veins only look blue through the skin because of the way light passes through it.',
  },
  {
    id: 'sf-insulin-organ',
    tags: ['topic:Science', 'answer_type:Other'],
    prompt: 'Which organ of the human body produces insulin?',
    answers: ['pancreas', 'the pancreas'],
    incorrectAnswers: ['liver'],
    title: 'Insulin',
    passage:
      'Insulin is a hormone made by the beta cells of the pancreas. It lowers the level of glucose in the blood.',
  },
  {
    id: 'sf-penicillin',
    tags: ['topic:Science', 'answer_type:Person'],
    prompt: 'Who discovered penicillin in 1928?',
    answers: ['Alexander Fleming', 'Fleming'],
    incorrectAnswers: ['Louis Pasteur'],
    title: 'Penicillin',
    passage:
      "Alexander Fleming discovered penicillin in 1928 at St Mary's Hospital in London, after noticing that a mould had killed the bacteria around it in a culture dish.",
  },
  {
    id: 'sf-origin-of-species',
    tags: ['topic:Science', 'answer_type:Person'],
    prompt: 'Who is the author of On the Origin of Species (1859)?',
    answers: ['Charles Darwin', 'Darwin'],
    title: 'On the Origin of Species',
    passage:
      'Charles Darwin set out the theory of evolution by natural selection in On the Origin of Species, published in 1859.',
  },
  // Mathematics
  {
    id: 'sf-pi-two-decimals',
    tags: ['topic:Mathematics', 'answer_type:Number'],
    prompt: 'What is the value of pi rounded to two decimal places?',
    answers: ['3.14'],
    title: 'Pi',
    passage:
      "Pi, the ratio of a circle's circumference to its diameter, is 3.14159..., which rounds to 3.14 at two decimal places.",
  },
  {
    id: 'sf-triangle-angles',
    tags: ['topic:Mathematics', 'answer_type:Number'],
    prompt: 'In Euclidean geometry, what do the interior angles of a triangle add up to?',
    answers: ['180 degrees', '180°', '180', 'one hundred and eighty degrees', 'π radians', 'pi radians'],
    incorrectAnswers: ['360 degrees'],
    title: 'Angles of a triangle',
    passage:
      'In Euclidean geometry, the three interior angles of any triangle add up to 180 degrees, or π radians.',
  },
  {
    id: 'sf-hexagon-sides',
    tags: ['topic:Mathematics', 'answer_type:Number'],
    prompt: 'How many sides does a hexagon have?',
    answers: ['6', 'six'],
    title: 'Hexagon',
    passage:
      'A hexagon is a polygon with six sides and six angles. Each interior angle of a regular hexagon measures 120 degrees.',
  },
  {
    id: 'sf-smallest-prime',
    tags: ['topic:Mathematics', 'answer_type:Number'],
    prompt: 'What is the smallest prime number?',
    answers: ['2', 'two'],
    incorrectAnswers: ['1', 'one'],
    title: 'Prime numbers',
    passage:
      'The smallest prime number is 2, which is also the only even prime. The number 1 is not prime, because a prime must have exactly two distinct divisors.',
  },
  {
    id: 'sf-square-root-144',
    tags: ['topic:Mathematics', 'answer_type:Number'],
    prompt: 'What is the square root of 144?',
    answers: ['12', 'twelve'],
    title: 'Square root of 144',
    passage: 'The square root of 144 is 12, because 12 multiplied by 12 equals 144.',
  },
  // Geography
  {
    id: 'sf-highest-mountain',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'What is the highest mountain on Earth, measured above sea level?',
    answers: ['Mount Everest', 'Everest', 'Sagarmatha', 'Chomolungma', 'Qomolangma'],
    incorrectAnswers: ['K2', 'Mauna Kea'],
    title: 'Mount Everest',
    passage:
      'Mount Everest, called Sagarmatha in Nepali and Chomolungma in Tibetan, is the highest mountain on Earth above sea level. It stands in the Himalayas on the border between Nepal and China.',
  },
  {
    id: 'sf-largest-ocean',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'What is the largest ocean on Earth?',
    answers: ['Pacific Ocean', 'Pacific', 'the Pacific'],
    incorrectAnswers: ['Atlantic Ocean'],
    title: 'Pacific Ocean',
    passage:
      "The Pacific Ocean is the largest and deepest of Earth's oceans, covering about a third of the planet's surface.",
  },
  {
    id: 'sf-deepest-trench',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'What is the deepest oceanic trench on Earth?',
    answers: ['Mariana Trench', 'Marianas Trench', 'Challenger Deep'],
    title: 'Mariana Trench',
    passage:
      'The Mariana Trench in the western Pacific is the deepest oceanic trench on Earth. Its deepest point, the Challenger Deep, lies nearly 11,000 metres below sea level.',
  },
  {
    id: 'sf-largest-desert',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'Counting cold deserts as well as hot ones, what is the largest desert on Earth?',
    answers: ['Antarctic Desert', 'Antarctica', 'the Antarctic'],
    incorrectAnswers: ['Sahara', 'Sahara Desert'],
    title: 'Largest deserts',
    passage:
      'A desert is defined by how little precipitation it receives, not by heat, so the largest desert on Earth is the Antarctic Desert, covering about 14 million square kilometres. The Sahara is the largest hot desert.',
  },
  {
    id: 'sf-capital-australia',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'What is the capital city of Australia?',
    answers: ['Canberra'],
    incorrectAnswers: ['Sydney', 'Melbourne'],
    title: 'Canberra',
    passage:
      'Canberra is the capital of Australia. It was purpose-built as the national capital, as a compromise between the rival cities of Sydney and Melbourne.',
  },
  {
    id: 'sf-capital-canada',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'What is the capital city of Canada?',
    answers: ['Ottawa'],
    incorrectAnswers: ['Toronto', 'Montreal'],
    title: 'Ottawa',
    passage:
      'Ottawa, in the province of Ontario, is the capital of Canada. Queen Victoria chose it as the capital in 1857.',
  },
  {
    id: 'sf-capital-turkey',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'What is the capital city of Turkey?',
    answers: ['Ankara'],
    incorrectAnswers: ['Istanbul'],
    title: 'Ankara',
    passage:
      'Ankara has been the capital of Turkey since 1923, when it replaced Istanbul, the old capital of the Ottoman Empire.',
  },
  {
    id: 'sf-capital-brazil',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'What is the capital city of Brazil?',
    answers: ['Brasília', 'Brasilia'],
    incorrectAnswers: ['Rio de Janeiro', 'São Paulo'],
    title: 'Brasília',
    passage:
      'Brasília has been the capital of Brazil since 1960, when the seat of government moved there from Rio de Janeiro.',
  },
  {
    id: 'sf-river-paris',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'Which river flows through the centre of Paris?',
    answers: ['Seine', 'the Seine', 'River Seine'],
    incorrectAnswers: ['Loire'],
    title: 'Seine',
    passage: 'The Seine flows through the centre of Paris and reaches the English Channel at Le Havre.',
  },
  {
    id: 'sf-strait-spain-morocco',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'Which strait separates Spain from Morocco?',
    answers: ['Strait of Gibraltar', 'Straits of Gibraltar', 'Gibraltar'],
    title: 'Strait of Gibraltar',
    passage:
      'The Strait of Gibraltar links the Atlantic Ocean with the Mediterranean Sea and separates Spain, in Europe, from Morocco, in Africa.',
  },
  {
    id: 'sf-europe-asia-mountains',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt:
      'Which mountain range in western Russia is usually regarded as part of the border between Europe and Asia?',
    answers: ['Ural Mountains', 'Urals', 'the Urals'],
    title: 'Ural Mountains',
    passage:
      'The Ural Mountains run roughly north to south through western Russia and are conventionally taken as part of the boundary between Europe and Asia.',
  },
  {
    id: 'sf-machu-picchu',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'In which country is Machu Picchu?',
    answers: ['Peru'],
    incorrectAnswers: ['Bolivia', 'Mexico'],
    title: 'Machu Picchu',
    passage:
      'Machu Picchu is a 15th-century Inca citadel built on a mountain ridge above the valley of the Urubamba River in Peru.',
  },
  {
    id: 'sf-country-named-equator',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'Which South American country takes its name from the equator?',
    answers: ['Ecuador'],
    title: 'Ecuador',
    passage:
      'Ecuador is named after the equator, which crosses the country a short distance north of its capital, Quito.',
  },
  {
    id: 'sf-lowest-land',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'The shore of which body of water is the lowest land on Earth?',
    answers: ['Dead Sea', 'the Dead Sea'],
    title: 'Dead Sea',
    passage:
      'The shores of the Dead Sea, in the Jordan Rift Valley, are the lowest land on Earth, more than 400 metres below sea level.',
  },
  {
    id: 'sf-kilimanjaro',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'In which country is Mount Kilimanjaro?',
    answers: ['Tanzania'],
    incorrectAnswers: ['Kenya'],
    title: 'Mount Kilimanjaro',
    passage:
      'Mount Kilimanjaro, the highest mountain in Africa, stands in north-eastern Tanzania, close to the border with Kenya.',
  },
  {
    id: 'sf-prime-meridian',
    tags: ['topic:Geography', 'answer_type:Place'],
    prompt: 'Through which district of London does the prime meridian pass?',
    answers: ['Greenwich'],
    title: 'Prime meridian',
    passage:
      'The prime meridian, the line of 0° longitude, was fixed in 1884 as the meridian passing through the Royal Observatory at Greenwich, in London.',
  },
  // History
  {
    id: 'sf-ww1-start',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year did the First World War begin?',
    answers: ['1914'],
    incorrectAnswers: ['1918', '1939'],
    title: 'Outbreak of the First World War',
    passage:
      'The First World War began in 1914, a month after Archduke Franz Ferdinand of Austria was assassinated in Sarajevo.',
  },
  {
    id: 'sf-ww2-end',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year did the Second World War end?',
    answers: ['1945'],
    incorrectAnswers: ['1944', '1918'],
    title: 'End of the Second World War',
    passage: 'The Second World War ended in 1945: Germany surrendered in May and Japan in September.',
  },
  {
    id: 'sf-moon-landing',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year did humans first land on the Moon?',
    answers: ['1969', '20 July 1969', 'July 20, 1969'],
    title: 'Apollo 11',
    passage:
      'Apollo 11 landed on the Moon on 20 July 1969, and its crew members Neil Armstrong and Buzz Aldrin walked on the surface.',
  },
  {
    id: 'sf-first-moonwalker',
    tags: ['topic:History', 'answer_type:Person'],
    prompt: 'Who was the first person to walk on the Moon?',
    answers: ['Neil Armstrong', 'Armstrong'],
    incorrectAnswers: ['Buzz Aldrin', 'Yuri Gagarin'],
    title: 'Neil Armstrong',
    passage:
      'Neil Armstrong, commander of Apollo 11, was the first person to set foot on the Moon; Buzz Aldrin followed him about twenty minutes later.',
  },
  {
    id: 'sf-first-human-in-space',
    tags: ['topic:History', 'answer_type:Person'],
    prompt: 'Who was the first human to travel into space?',
    answers: ['Yuri Gagarin', 'Gagarin'],
    incorrectAnswers: ['Neil Armstrong', 'Alan Shepard'],
    title: 'Yuri Gagarin',
    passage:
      'Yuri Gagarin of the Soviet Union became the first human in space on 12 April 1961, completing one orbit of Earth in the Vostok 1 spacecraft.',
  },
  {
    id: 'sf-berlin-wall',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year did the Berlin Wall fall?',
    answers: ['1989', '9 November 1989', 'November 9, 1989'],
    incorrectAnswers: ['1991', '1961'],
    title: 'Fall of the Berlin Wall',
    passage:
      'The Berlin Wall, which had divided the city since 1961, was opened on 9 November 1989, and Germany was reunified the following year.',
  },
  {
    id: 'sf-titanic',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year did the RMS Titanic sink?',
    answers: ['1912', '15 April 1912', 'April 15, 1912'],
    title: 'Sinking of the Titanic',
    passage:
      'The RMS Titanic sank in the North Atlantic on 15 April 1912, on her maiden voyage, after striking an iceberg.',
  },
  {
    id: 'sf-columbus',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year did Christopher Columbus first reach the Americas?',
    answers: ['1492'],
    title: 'First voyage of Christopher Columbus',
    passage:
      'On his first voyage across the Atlantic, Christopher Columbus made landfall in the Bahamas in October 1492.',
  },
  {
    id: 'sf-hastings',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year was the Battle of Hastings fought?',
    answers: ['1066', '14 October 1066', 'October 14, 1066'],
    title: 'Battle of Hastings',
    passage:
      'The Battle of Hastings was fought on 14 October 1066, when William, Duke of Normandy, defeated King Harold II of England.',
  },
  {
    id: 'sf-bastille',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year was the Bastille stormed, at the start of the French Revolution?',
    answers: ['1789', '14 July 1789', 'July 14, 1789'],
    title: 'Storming of the Bastille',
    passage:
      'On 14 July 1789 a crowd in Paris stormed the Bastille, a royal fortress and prison, an event often taken as the start of the French Revolution.',
  },
  {
    id: 'sf-us-declaration',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year was the United States Declaration of Independence adopted?',
    answers: ['1776', '4 July 1776', 'July 4, 1776'],
    incorrectAnswers: ['1783', '1787'],
    title: 'Declaration of Independence',
    passage: 'The Second Continental Congress adopted the Declaration of Independence on 4 July 1776.',
  },
  {
    id: 'sf-first-us-president',
    tags: ['topic:History', 'answer_type:Person'],
    prompt: 'Who was the first President of the United States?',
    answers: ['George Washington', 'Washington'],
    incorrectAnswers: ['John Adams', 'Thomas Jefferson'],
    title: 'George Washington',
    passage:
      "George Washington served as the United States' first President, for two terms from 1789 to 1797.",
  },
  {
    id: 'sf-magna-carta',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year did King John of England seal Magna Carta?',
    answers: ['1215'],
    title: 'Magna Carta',
    passage: 'King John of England sealed Magna Carta at Runnymede, near Windsor, in June 1215.',
  },
  {
    id: 'sf-great-pyramid',
    tags: ['topic:History', 'answer_type:Other'],
    prompt: 'Which of the Seven Wonders of the Ancient World is still largely standing?',
    answers: ['Great Pyramid of Giza', 'Great Pyramid', 'Pyramid of Khufu', 'Pyramid of Cheops'],
    incorrectAnswers: ['Colossus of Rhodes', 'Hanging Gardens of Babylon'],
    title: 'Great Pyramid of Giza',
    passage:
      "The Great Pyramid of Giza, built for the pharaoh Khufu, is the oldest of the ancient world's Seven Wonders and the only one still largely intact.",
  },
  {
    id: 'sf-soviet-dissolution',
    tags: ['topic:History', 'answer_type:Date'],
    prompt: 'In what year was the Soviet Union dissolved?',
    answers: ['1991'],
    incorrectAnswers: ['1989'],
    title: 'Dissolution of the Soviet Union',
    passage:
      'The Soviet Union was formally dissolved in December 1991, and its fifteen republics became independent states.',
  },
  // Arts
  {
    id: 'sf-mona-lisa',
    tags: ['topic:Arts', 'answer_type:Person'],
    prompt: 'Who painted the Mona Lisa?',
    answers: ['Leonardo da Vinci', 'Leonardo', 'da Vinci'],
    incorrectAnswers: ['Michelangelo', 'Raphael'],
    title: 'Mona Lisa',
    passage:
      'The Mona Lisa was painted by Leonardo da Vinci in the early sixteenth century. It hangs in the Louvre in Paris.',
  },
  {
    id: 'sf-romeo-and-juliet',
    tags: ['topic:Arts', 'answer_type:Person'],
    prompt: 'Who wrote the play Romeo and Juliet?',
    answers: ['William Shakespeare', 'Shakespeare'],
    incorrectAnswers: ['Christopher Marlowe'],
    title: 'Romeo and Juliet',
    passage: 'Romeo and Juliet is a tragedy by William Shakespeare, written in the mid-1590s.',
  },
];

/** The passage's id: the item's id with a `-passage` suffix. */
function passageId(fact: StableFact): string {
  return `${fact.id}-passage`;
}

function toItem(fact: StableFact): PromptItem {
  const item: PromptItem = {
    id: fact.id,
    prompt: fact.prompt,
    answers: fact.answers,
    kind: 'factual',
    tags: fact.tags,
    docIds: [passageId(fact)],
  };
  if (fact.incorrectAnswers) item.incorrectAnswers = fact.incorrectAnswers;
  return item;
}

function toDoc(fact: StableFact): CorpusDoc {
  return { id: passageId(fact), title: fact.title, text: fact.passage };
}

export const stableFacts: PromptSet = {
  id: 'builtin-stable-facts',
  name: 'Stable facts',
  description:
    'Questions on facts that do not change (science, mathematics, geography, history, the arts), with ' +
    'the usual ways of writing each answer and a short passage that states it. The floor a small model ' +
    'should clear closed-book, and a check that retrieval does not make it worse.',
  source: 'Written for Floorcheck',
  licence: 'CC0-1.0',
  builtin: true,
  items: facts.map(toItem),
  corpus: facts.map(toDoc),
};
