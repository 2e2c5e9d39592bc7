/**
 * Countries (every UN member and observer, the four nations of the United
 * Kingdom, and the continents) and the adjectives for their people and things:
 * "Scottish" for "Scotland", "French" for "France", "Spain" for "Spanish".
 * A whole answer that is the one form stands for a whole accepted answer that
 * is the other.
 *
 * A table from common knowledge rather than a suffix rule: the forms are too
 * irregular for one ("France"/"French", "Netherlands"/"Dutch", "Spain"/"Spanish"),
 * and a suffix rule would also join a city to its adjective, which the grader
 * refuses ("Paris" is not "Parisian"). Only whole answers match: "French
 * Revolution" does not state "France".
 */
import { normaliseTokens } from './normalise';

const TABLE = `Afghanistan:Afghan; Albania:Albanian; Algeria:Algerian; Andorra:Andorran; Angola:Angolan;
Antigua and Barbuda:Antiguan; Argentina:Argentine/Argentinian; Armenia:Armenian; Australia:Australian;
Austria:Austrian; Azerbaijan:Azerbaijani; Bahamas:Bahamian; Bahrain:Bahraini; Bangladesh:Bangladeshi;
Barbados:Barbadian; Belarus:Belarusian; Belgium:Belgian; Belize:Belizean; Benin:Beninese; Bhutan:Bhutanese;
Bolivia:Bolivian; Bosnia and Herzegovina/Bosnia:Bosnian; Botswana:Botswanan; Brazil:Brazilian; Brunei:Bruneian;
Bulgaria:Bulgarian; Burkina Faso:Burkinabe; Burundi:Burundian; Cambodia:Cambodian; Cameroon:Cameroonian;
Canada:Canadian; Cape Verde:Cape Verdean; Central African Republic:Central African; Chad:Chadian; Chile:Chilean;
China:Chinese; Colombia:Colombian; Comoros:Comoran; Congo:Congolese; Costa Rica:Costa Rican; Croatia:Croatian;
Cuba:Cuban; Cyprus:Cypriot; Czech Republic/Czechia:Czech; Denmark:Danish; Djibouti:Djiboutian;
Dominica:Dominican; Dominican Republic:Dominican; East Timor/Timor-Leste:Timorese; Ecuador:Ecuadorian;
Egypt:Egyptian; El Salvador:Salvadoran; Equatorial Guinea:Equatoguinean; Eritrea:Eritrean; Estonia:Estonian;
Eswatini/Swaziland:Swazi; Ethiopia:Ethiopian; Fiji:Fijian; Finland:Finnish; France:French; Gabon:Gabonese;
Gambia:Gambian; Georgia:Georgian; Germany:German; Ghana:Ghanaian; Greece:Greek; Grenada:Grenadian;
Guatemala:Guatemalan; Guinea:Guinean; Guinea-Bissau:Bissau-Guinean; Guyana:Guyanese; Haiti:Haitian;
Honduras:Honduran; Hungary:Hungarian; Iceland:Icelandic; India:Indian; Indonesia:Indonesian; Iran:Iranian;
Iraq:Iraqi; Ireland:Irish; Israel:Israeli; Italy:Italian; Ivory Coast:Ivorian; Jamaica:Jamaican; Japan:Japanese;
Jordan:Jordanian; Kazakhstan:Kazakh; Kenya:Kenyan; Kiribati:I-Kiribati; Kosovo:Kosovan; Kuwait:Kuwaiti;
Kyrgyzstan:Kyrgyz; Laos:Lao/Laotian; Latvia:Latvian; Lebanon:Lebanese; Lesotho:Basotho; Liberia:Liberian;
Libya:Libyan; Liechtenstein:Liechtensteiner; Lithuania:Lithuanian; Luxembourg:Luxembourgish; Madagascar:Malagasy;
Malawi:Malawian; Malaysia:Malaysian; Maldives:Maldivian; Mali:Malian; Malta:Maltese; Marshall Islands:Marshallese;
Mauritania:Mauritanian; Mauritius:Mauritian; Mexico:Mexican; Micronesia:Micronesian; Moldova:Moldovan;
Monaco:Monegasque; Mongolia:Mongolian; Montenegro:Montenegrin; Morocco:Moroccan; Mozambique:Mozambican;
Myanmar/Burma:Burmese; Namibia:Namibian; Nauru:Nauruan; Nepal:Nepali/Nepalese; Netherlands/Holland:Dutch;
New Zealand:New Zealander; Nicaragua:Nicaraguan; Niger:Nigerien; Nigeria:Nigerian; North Korea:North Korean;
North Macedonia/Macedonia:Macedonian; Norway:Norwegian; Oman:Omani; Pakistan:Pakistani; Palau:Palauan;
Palestine:Palestinian; Panama:Panamanian; Papua New Guinea:Papua New Guinean; Paraguay:Paraguayan; Peru:Peruvian;
Philippines:Filipino/Philippine; Poland:Polish; Portugal:Portuguese; Qatar:Qatari; Romania:Romanian;
Russia:Russian; Rwanda:Rwandan; Saint Lucia:Saint Lucian; Samoa:Samoan; San Marino:Sammarinese;
Sao Tome and Principe:Sao Tomean; Saudi Arabia:Saudi/Saudi Arabian; Senegal:Senegalese; Serbia:Serbian;
Seychelles:Seychellois; Sierra Leone:Sierra Leonean; Singapore:Singaporean; Slovakia:Slovak; Slovenia:Slovenian;
Solomon Islands:Solomon Islander; Somalia:Somali; South Africa:South African; South Korea:South Korean;
South Sudan:South Sudanese; Spain:Spanish; Sri Lanka:Sri Lankan; Sudan:Sudanese; Suriname:Surinamese;
Sweden:Swedish; Switzerland:Swiss; Syria:Syrian; Taiwan:Taiwanese; Tajikistan:Tajik; Tanzania:Tanzanian;
Thailand:Thai; Togo:Togolese; Tonga:Tongan; Trinidad and Tobago:Trinidadian; Tunisia:Tunisian; Turkey:Turkish;
Turkmenistan:Turkmen; Tuvalu:Tuvaluan; Uganda:Ugandan; Ukraine:Ukrainian; United Arab Emirates:Emirati;
United Kingdom/Great Britain/Britain:British; United States/United States of America/America:American;
Uruguay:Uruguayan; Uzbekistan:Uzbek; Vanuatu:Ni-Vanuatu; Vatican City:Vatican; Venezuela:Venezuelan;
Vietnam:Vietnamese; Yemen:Yemeni; Zambia:Zambian; Zimbabwe:Zimbabwean;
England:English; Scotland:Scottish/Scots; Wales:Welsh; Northern Ireland:Northern Irish;
Africa:African; Asia:Asian; Europe:European; North America:North American; South America:South American;
Antarctica:Antarctic; Oceania:Oceanian`;

/** Normalised place → its adjectives, and adjective → its places (one key per spelling). */
const FORMS = new Map<string, string[]>();

function link(a: string, b: string): void {
  const list = FORMS.get(a);
  if (list === undefined) FORMS.set(a, [b]);
  else if (!list.includes(b)) list.push(b);
}

for (const entry of TABLE.split(';')) {
  const [places = '', adjectives = ''] = entry.split(':');
  for (const place of places.split('/')) {
    for (const adjective of adjectives.split('/')) {
      const p = normaliseTokens(place).join(' ');
      const a = normaliseTokens(adjective).join(' ');
      link(p, a);
      link(a, p);
    }
  }
}

/** Whether two whole normalised texts are a place and its adjective ("scotland", "scottish"). */
export function placeAndAdjective(answer: readonly string[], alias: readonly string[]): boolean {
  if (answer.length === 0 || answer.length > 5 || alias.length === 0 || alias.length > 5) return false;
  return FORMS.get(answer.join(' '))?.includes(alias.join(' ')) ?? false;
}
