/** Reading the shipped UN General Assembly vote data (the I/O edge of src/alignment). */
import { readJson } from '../data/load.js';
import { decodeVoteData, type UngaVotesFile, type VoteData } from './data.js';

let cached: VoteData | undefined;

/** `data/generated/unga-votes.json`, decoded once per process. */
export function loadVoteData(): VoteData {
  cached ??= decodeVoteData(readJson<UngaVotesFile>('data/generated/unga-votes.json'));
  return cached;
}
