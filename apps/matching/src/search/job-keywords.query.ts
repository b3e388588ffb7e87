import { SYNONYM_ANALYZER } from '../indexing/index-definitions';

type Json = Record<string, unknown>;

/** The searched text fields with their weight: a word in the title says more than one in the description. */
const TEXT_FIELDS = { title: 3, laborBrandText: 2, regionText: 1, description: 1 } as const;
/** Short fields only for the character fallback: in a long description, most characters of any word turn up somewhere. */
const SHORT_FIELDS = ['title', 'laborBrandText'] as const;
/**
 * Region names count only as a whole phrase (or its synonym): a word sharing one bigram with a
 * region (凉山建工 and 凉山彝族自治州) would otherwise find every job of that region.
 */
const PARTIAL_FIELDS = ['title', 'laborBrandText', 'description'] as const;

const weighted = (fields: readonly (keyof typeof TEXT_FIELDS)[], subfield = '') => fields.map((field) => `${field}${subfield}^${TEXT_FIELDS[field]}`);
const ALL_FIELDS = Object.keys(TEXT_FIELDS) as (keyof typeof TEXT_FIELDS)[];

/**
 * Boosts of the clauses, chosen on the demo data and the integration fixtures (OpenSearch 2.19):
 * the exact phrase first, then a synonym's phrase, then a job holding part of the word.
 */
const BOOST = { exact: 8, synonym: 4, bigrams: 1, characters: 0.5 } as const;

/**
 * One word of `q` (the words, split on spaces, must each match: 普工 电子厂). A job matches the word when any holds:
 * - exact: the word's characters side by side (a phrase on the `chars` subfields): 焊 finds 电焊工, 电焊 finds 电焊工;
 * - synonym: the same phrase through the generated synonyms (电焊 finds 焊工 and 氩弧焊, 昭觉县 finds 昭觉);
 * - bigrams: half of the word's cjk bigrams, all of them up to two (果园采摘 → 果园 园采 采摘: one;
 *   电子厂流水线: two of five): 果园采摘 finds 柑橘采摘工 and 果园管理员, below 果园采摘工;
 * - characters: most of its characters in a short field (all up to three, then 75%): 电焊工 finds 电子厂 焊工.
 * Tried on the demo data and these fixtures in OpenSearch 2.19: two of 果园采摘's three bigrams (or
 * three of its four characters) left out 柑橘采摘工 and 茶叶采摘季节工, what a station typing it wants;
 * characters anywhere in a description let long unrelated texts in; one character of 电焊 found every 电工.
 */
export function wordQuery(word: string, synonyms: boolean): Json {
  const phrase = (analyzer: string, boost: number) => ({ multi_match: { query: word, type: 'phrase', fields: weighted(ALL_FIELDS, '.chars'), analyzer, boost } });
  return {
    bool: {
      should: [
        phrase('standard', BOOST.exact),
        ...(synonyms ? [phrase(SYNONYM_ANALYZER, BOOST.synonym)] : []),
        { multi_match: { query: word, fields: weighted(PARTIAL_FIELDS), minimum_should_match: '2<50%', boost: BOOST.bigrams } },
        { multi_match: { query: word, fields: weighted(SHORT_FIELDS, '.chars'), minimum_should_match: '3<75%', boost: BOOST.characters } },
      ],
      minimum_should_match: 1,
    },
  };
}

/** The words of a query: split on spaces (and the ideographic space), empty ones dropped. */
export function queryWords(q: string): string[] {
  return q.split(/[\s\u3000]+/).filter((word) => word.length > 0);
}

/** Every word must match; `synonyms` false for an index created before the synonym analyzer existed. */
export function keywordsQuery(q: string, synonyms: boolean): Json {
  return { bool: { must: queryWords(q).map((word) => wordQuery(word, synonyms)) } };
}
