/** A small synthetic vote data set, built through the same file format and decoder as the shipped one. */
import { decodeVoteData, encodeVotes, type UngaVotesFile, type VoteData } from '../../src/alignment/data.js';

export function syntheticVotes(
  rollCalls: ReadonlyArray<{ date: string; session: number; topics?: string }>,
  votes: Record<string, ReadonlyArray<-1 | 0 | 1>>,
): VoteData {
  const n = rollCalls.length;
  const years = rollCalls.map((r) => Number(r.date.slice(0, 4)));
  const file: UngaVotesFile = {
    meta: {
      title: 'test',
      source: 'test',
      url: 'test',
      licence: 'test',
      derivedFrom: 'test',
      unit: 'vote',
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
      droppedRollCalls: [],
      encoding: 'test',
      sources: [
        {
          id: 'voeten',
          title: 'test',
          source: 'test',
          url: 'test',
          licence: 'test',
          derivedFrom: 'test',
          firstDate: rollCalls[0]?.date ?? '',
          lastDate: rollCalls.at(-1)?.date ?? '',
          abstention: 'merged',
          note: 'test',
        },
      ],
      seam: '',
      topicRules: { method: 'test', rules: {}, reproduction: [] },
    },
    topics: { hr: 'Human rights', me: 'Palestinian conflict' },
    rollCalls: {
      rcid: rollCalls.map((_, i) => i + 1),
      session: rollCalls.map((r) => r.session),
      date: rollCalls.map((r) => r.date),
      unres: rollCalls.map(() => ''),
      flags: rollCalls.map(() => ''),
      topics: rollCalls.map((r) => r.topics ?? ''),
      source: rollCalls.map(() => 0),
      title: rollCalls.map(() => ''),
    },
    states: Object.entries(votes).map(([iso3, v]) => {
      if (v.length !== n) throw new Error(`${iso3}: ${v.length} votes for ${n} roll calls`);
      return { iso3, name: iso3, sourceNames: [iso3], first: 0, count: n, votes: encodeVotes(v) };
    }),
  };
  return decodeVoteData(file);
}
