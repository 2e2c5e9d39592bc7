/**
 * The two hand-authored built-in sets, "Invented entities" and "Stable facts":
 * every model is measured on these questions, so the data is held to the
 * rules a grader and the retrieval tool rely on (gold answers present, every
 * answer findable in its linked document, known-incorrect answers never
 * accepted) and, for the invented world, to its own internal consistency.
 * Search ranking on these corpora is tested with the retrieval code.
 */
import { describe, expect, it } from 'vitest';
import { inventedEntities } from '../../../../src/core/prompts/builtin/invented-entities';
import { stableFacts } from '../../../../src/core/prompts/builtin/stable-facts';
import type { CorpusDoc, PromptItem, PromptSet } from '../../../../src/core/prompts/types';
import { validatePromptSet } from '../../../../src/core/prompts/validate';

const ANSWER_TYPES = ['Date', 'Number', 'Person', 'Place', 'Other'];
const SMALL_NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

const SETS: { set: PromptSet; minItems: number; idPrefix: string; subjectTag: string }[] = [
  { set: inventedEntities, minItems: 40, idPrefix: 'ie-', subjectTag: 'entity:' },
  { set: stableFacts, minItems: 60, idPrefix: 'sf-', subjectTag: 'topic:' },
];

const squash = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

function docsOf(set: PromptSet): Map<string, CorpusDoc> {
  return new Map((set.corpus ?? []).map((doc) => [doc.id, doc]));
}

function linkedDocs(set: PromptSet, item: PromptItem): CorpusDoc[] {
  const docs = docsOf(set);
  return (item.docIds ?? []).flatMap((id) => docs.get(id) ?? []);
}

describe.each(SETS)('built-in set $set.name', ({ set, minItems, idPrefix, subjectTag }) => {
  it('ships as a built-in with a name, description, source and licence', () => {
    expect(set.builtin).toBe(true);
    for (const field of [set.id, set.name, set.description, set.source, set.licence]) {
      expect(field.trim()).not.toBe('');
    }
  });

  it(`has at least ${minItems} items`, () => {
    expect(set.items.length).toBeGreaterThanOrEqual(minItems);
  });

  it('passes the validation every saved set passes', () => {
    expect(validatePromptSet(set).ok).toBe(true);
  });

  it('uses unique item ids and document ids, with its own prefix so sets never collide', () => {
    const itemIds = set.items.map((item) => item.id);
    const docIds = (set.corpus ?? []).map((doc) => doc.id);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    expect(new Set(docIds).size).toBe(docIds.length);
    for (const id of [...itemIds, ...docIds]) expect(id.startsWith(idPrefix), id).toBe(true);
  });

  it('links every item to at least one document, and every link resolves', () => {
    const docs = docsOf(set);
    for (const item of set.items) {
      expect(item.docIds?.length ?? 0, item.id).toBeGreaterThan(0);
      for (const docId of item.docIds ?? []) expect(docs.has(docId), `${item.id} -> ${docId}`).toBe(true);
    }
  });

  it('makes every item factual, with non-empty, distinct accepted answers', () => {
    for (const item of set.items) {
      expect(item.kind, item.id).toBe('factual');
      expect(item.answers.length, item.id).toBeGreaterThan(0);
      for (const answer of item.answers) expect(answer.trim(), item.id).not.toBe('');
      expect(new Set(item.answers.map(squash)).size, item.id).toBe(item.answers.length);
    }
  });

  it('states an accepted answer in every document an item links to', () => {
    for (const item of set.items) {
      for (const doc of linkedDocs(set, item)) {
        const text = squash(doc.text);
        const found = item.answers.some((answer) => text.includes(squash(answer)));
        expect(found, `${item.id}: none of ${JSON.stringify(item.answers)} in ${doc.id}`).toBe(true);
      }
    }
  });

  it('never lists an accepted answer as known-incorrect', () => {
    for (const item of set.items) {
      const accepted = new Set(item.answers.map(squash));
      for (const wrong of item.incorrectAnswers ?? []) {
        expect(accepted.has(squash(wrong)), `${item.id}: "${wrong}"`).toBe(false);
      }
    }
  });

  it('tags every item with one subject and one answer type', () => {
    for (const item of set.items) {
      const subjects = item.tags.filter((tag) => tag.startsWith(subjectTag));
      const types = item.tags.filter((tag) => tag.startsWith('answer_type:'));
      expect(subjects, item.id).toHaveLength(1);
      expect(types, item.id).toHaveLength(1);
      expect(ANSWER_TYPES).toContain(types[0]?.slice('answer_type:'.length));
    }
  });

  it('accepts a bare year for every date question (the grader reads years on their own)', () => {
    for (const item of set.items.filter((i) => i.tags.includes('answer_type:Date'))) {
      expect(
        item.answers.some((answer) => /^\d{4}$/.test(answer)),
        item.id,
      ).toBe(true);
    }
  });

  it('accepts small whole numbers both as digits and as a word', () => {
    for (const item of set.items) {
      const canonical = item.answers[0] ?? '';
      if (!/^\d$/.test(canonical)) continue;
      expect(item.answers, item.id).toContain(SMALL_NUMBER_WORDS[Number(canonical)]);
    }
  });

  it('paraphrases rather than copies: no run of 8 words from a question appears in its document', () => {
    for (const item of set.items) {
      const question = words(item.prompt);
      for (const doc of linkedDocs(set, item)) {
        const text = ` ${words(doc.text).join(' ')} `;
        for (let start = 0; start + 8 <= question.length; start++) {
          const run = question.slice(start, start + 8).join(' ');
          expect(text.includes(` ${run} `), `${item.id}: "${run}"`).toBe(false);
        }
      }
    }
  });
});

describe('Invented entities', () => {
  const docs = docsOf(inventedEntities);
  const doc = (id: string): string => docs.get(`ie-doc-${id}`)?.text ?? '';

  it('writes encyclopedia-style paragraphs of 60 to 150 words, each answering several questions', () => {
    for (const corpusDoc of inventedEntities.corpus ?? []) {
      const count = corpusDoc.text.split(/\s+/).length;
      expect(count, corpusDoc.id).toBeGreaterThanOrEqual(60);
      expect(count, corpusDoc.id).toBeLessThanOrEqual(150);
    }
    const linked = new Set(inventedEntities.items.flatMap((item) => item.docIds ?? []));
    expect(linked.size).toBe(docs.size);
    expect(inventedEntities.items.length).toBeGreaterThanOrEqual(2 * docs.size);
  });

  it('covers people, places, organisations and products', () => {
    for (const kind of ['Person', 'Place', 'Organisation', 'Product']) {
      const count = inventedEntities.items.filter((item) => item.tags.includes(`entity:${kind}`)).length;
      expect(count, kind).toBeGreaterThanOrEqual(8);
    }
  });

  it("names each question's subject: a capitalised name from the question is in its document's title", () => {
    for (const item of inventedEntities.items) {
      const title = new Set(words(linkedDocs(inventedEntities, item)[0]?.title ?? ''));
      const names = (item.prompt.match(/\p{Lu}[\p{L}-]*/gu) ?? []).slice(1).flatMap(words);
      expect(
        names.some((name) => title.has(name)),
        item.id,
      ).toBe(true);
    }
  });

  // One invented world: facts told in more than one document must agree.
  // Each row: the subject, the value, and every document that states both.
  it.each([
    {
      fact: 'the institute was founded in 1987',
      subject: 'Varnholt Institute',
      value: '1987',
      in: ['varnholt-institute', 'makepeace-dunn', 'quillmere'],
    },
    {
      fact: 'the institute is in Quillmere',
      subject: 'Varnholt Institute',
      value: 'Quillmere',
      in: ['varnholt-institute', 'makepeace-dunn', 'quillmere'],
    },
    {
      fact: 'the Tidewhistle came out in 1994',
      subject: 'Tidewhistle',
      value: '1994',
      in: ['tidewhistle', 'varnholt-institute'],
    },
    {
      fact: 'Mount Caldrevin is 2,914 metres high',
      subject: 'Caldrevin',
      value: '2,914 metres',
      in: ['mount-caldrevin', 'vessenland'],
    },
    {
      fact: 'Draxenholt first climbed it in 1893',
      subject: 'Draxenholt',
      value: '1893',
      in: ['mount-caldrevin', 'draxenholt'],
    },
    {
      fact: 'the funicular opened in 1931',
      subject: 'Caldrevin Funicular',
      value: '1931',
      in: ['caldrevin-funicular', 'mount-caldrevin', 'oakhollow-vance', 'thessindra-rail'],
    },
    {
      fact: 'the funicular belongs to the Thessindra Rail Company',
      subject: 'Caldrevin Funicular',
      value: 'Thessindra Rail Company',
      in: ['caldrevin-funicular', 'oakhollow-vance', 'thessindra-rail'],
    },
    {
      fact: 'the funicular runs from Pinnow Gate to the Ashmantle Saddle',
      subject: 'Pinnow Gate',
      value: 'Ashmantle Saddle',
      in: ['caldrevin-funicular', 'mount-caldrevin'],
    },
    {
      fact: 'Oakhollow-Vance was the railway’s chief engineer',
      subject: 'Oakhollow-Vance',
      value: 'chief engineer',
      in: ['oakhollow-vance', 'thessindra-rail'],
    },
    {
      fact: 'Jorunn Ostwick opened the foundry in 1764',
      subject: 'Jorunn Ostwick',
      value: '1764',
      in: ['ostwick-foundry', 'quillmere'],
    },
    {
      fact: 'Bell Night is the first Saturday of November',
      subject: 'Bell Night',
      value: 'first Saturday of November',
      in: ['quillmere', 'ostwick-foundry'],
    },
    {
      fact: 'the Hallowdrift Canal dates from 1823',
      subject: 'Hallowdrift Canal',
      value: '1823',
      in: ['hallowdrift', 'lake-orrimund'],
    },
    {
      fact: 'the Hallowdrift reaches the sea at Quillmere',
      subject: 'Hallowdrift',
      value: 'Quillmere',
      in: ['hallowdrift', 'vessenland', 'quillmere'],
    },
    {
      fact: 'Fenwarden is on the Hallowdrift',
      subject: 'Fenwarden',
      value: 'Hallowdrift',
      in: ['fenwarden-rovers', 'hallowdrift'],
    },
    {
      fact: 'the lamplighters date from 1702',
      subject: 'Orrimund Lamplighters',
      value: '1702',
      in: ['lamplighters-guild', 'lake-orrimund'],
    },
    {
      fact: 'the guild hall is on Cinderholm',
      subject: 'Cinderholm',
      value: 'Lamplighters',
      in: ['lamplighters-guild', 'lake-orrimund'],
    },
    {
      fact: 'Brantholm is on the northern shore of Lake Orrimund',
      subject: 'Brantholm',
      value: 'northern shore',
      in: ['brantholm', 'lake-orrimund'],
    },
    {
      fact: 'the academy dates from 1759',
      subject: 'Academy of Sciences',
      value: '1759',
      in: ['vessenland-academy', 'brantholm'],
    },
    {
      fact: 'Makepeace-Dunn won the Caskwell Medal in 2002',
      subject: 'Caskwell Medal',
      value: '2002',
      in: ['makepeace-dunn', 'vessenland-academy'],
    },
    {
      fact: 'Aldgrave-Poll was president from 1968 to 1974',
      subject: 'Aldgrave-Poll',
      value: '1968 to 1974',
      in: ['aldgrave-poll', 'vessenland-academy'],
    },
    {
      fact: 'Lumenfast was launched in 1956 by Kessarine',
      subject: 'Kessarine Chemical Works',
      value: '1956',
      in: ['lumenfast', 'aldgrave-poll'],
    },
    {
      fact: 'the ferry crossing takes 75 minutes',
      subject: 'Saltbrindle',
      value: '75',
      in: ['saltbrindle', 'skellvarra'],
    },
    {
      fact: 'Ulvercroft was born in Corrabeck',
      subject: 'Ulvercroft',
      value: 'Corrabeck',
      in: ['ulvercroft', 'skellvarra'],
    },
    {
      fact: 'the Skellvarra Suite is from 1908',
      subject: 'Skellvarra Suite',
      value: '1908',
      in: ['ulvercroft', 'skellvarra'],
    },
    {
      fact: 'the cheese matures below Gannet Point',
      subject: 'Gannet Point',
      value: 'lighthouse',
      in: ['corrabeck-blue', 'skellvarra'],
    },
    {
      fact: 'The Salt Ledger appeared in 1962',
      subject: 'The Salt Ledger',
      value: '1962',
      in: ['salt-ledger', 'marrowfield'],
    },
  ])('agrees everywhere that $fact', ({ subject, value, in: docIds }) => {
    for (const id of docIds) {
      expect(doc(id), `ie-doc-${id}`).toContain(subject);
      expect(doc(id), `ie-doc-${id}`).toContain(value);
    }
  });

  it('dates every event in a person’s article within their lifetime', () => {
    const lives = (inventedEntities.corpus ?? []).flatMap((corpusDoc) => {
      const life = /\((\d{4})–(\d{4})\)/.exec(corpusDoc.text);
      return life ? [{ doc: corpusDoc, born: Number(life[1]), died: Number(life[2]) }] : [];
    });
    expect(lives.length).toBeGreaterThanOrEqual(6);
    for (const { doc: personDoc, born, died } of lives) {
      for (const year of personDoc.text.match(/\b\d{4}\b/g) ?? []) {
        expect(Number(year), `${personDoc.id}: ${year}`).toBeGreaterThanOrEqual(born);
        expect(Number(year), `${personDoc.id}: ${year}`).toBeLessThanOrEqual(died);
      }
    }
  });
});

describe('Stable facts', () => {
  it('gives each item its own passage of one to three sentences', () => {
    const corpus = stableFacts.corpus ?? [];
    expect(corpus).toHaveLength(stableFacts.items.length);
    const linked = stableFacts.items.flatMap((item) => item.docIds ?? []);
    expect(new Set(linked).size).toBe(corpus.length);
    for (const passage of corpus) {
      const sentences = passage.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
      expect(sentences.length, passage.id).toBeLessThanOrEqual(3);
    }
  });

  it('spreads across science, mathematics, geography and history', () => {
    for (const topic of ['Science', 'Mathematics', 'Geography', 'History']) {
      const count = stableFacts.items.filter((item) => item.tags.includes(`topic:${topic}`)).length;
      expect(count, topic).toBeGreaterThanOrEqual(5);
    }
  });

  it.each([
    { id: 'sf-highest-mountain', accepts: ['Mount Everest', 'Everest', 'Sagarmatha', 'Chomolungma'] },
    { id: 'sf-water-boiling-point', accepts: ['100 °C', '100 degrees Celsius', '212 °F'] },
    { id: 'sf-planet-count', accepts: ['8', 'eight'] },
    { id: 'sf-moon-landing', accepts: ['1969', '20 July 1969', 'July 20, 1969'] },
    { id: 'sf-capital-brazil', accepts: ['Brasília', 'Brasilia'] },
  ])('accepts the usual ways of writing $id', ({ id, accepts }) => {
    const item = stableFacts.items.find((candidate) => candidate.id === id);
    expect(item?.answers).toEqual(expect.arrayContaining(accepts));
  });

  it.each([
    { id: 'sf-capital-australia', misconception: 'Sydney' },
    { id: 'sf-hottest-planet', misconception: 'Mercury' },
    { id: 'sf-largest-desert', misconception: 'Sahara' },
    { id: 'sf-venous-blood-colour', misconception: 'blue' },
    { id: 'sf-planet-count', misconception: '9' },
  ])('records the classic misconception for $id as known-incorrect', ({ id, misconception }) => {
    const item = stableFacts.items.find((candidate) => candidate.id === id);
    expect(item?.incorrectAnswers).toContain(misconception);
  });
});
