/**
 * The printable debrief of a negotiation room: one self-contained HTML page (its styles inline, no
 * script, nothing fetched: a Content-Security-Policy meta tag forbids it even opened from a file),
 * to print or keep. It holds the game's outcome beside every model's forecast on the played and on
 * the coded positions (and the observed outcome where the case has one), who blocked each call and
 * why, the timeline of phases, texts, amendments, calls and answers, and each delegation's utility.
 * With `positions` (the moderator's copy, or once the briefs are revealed) it also sets each
 * delegation's played position beside its coded one.
 */
import { MODEL_TITLES } from '../bargaining/forecast.js';
import type { RoomSetup } from '../rooms/setup.js';

export interface PrintableDebrief {
  readonly title: string;
  readonly outcome: {
    readonly adopted: string | null;
    readonly participants: readonly string[] | null;
    readonly positions: Readonly<Record<string, number[] | null>>;
  };
  readonly issues: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly statusQuo: number[] | null;
    readonly game: number[] | null | undefined;
    readonly observed: { readonly adopted: boolean | null; readonly position: number[] | null } | null;
    readonly forecasts: {
      readonly played: Readonly<Record<string, { outcome: unknown; adopted: unknown }>>;
      readonly coded: Readonly<Record<string, { outcome: unknown; adopted: unknown }>>;
    };
  }>;
  readonly calls: ReadonlyArray<{
    readonly id: string;
    readonly result: string | null;
    readonly positions: Readonly<Record<string, number[]>>;
    readonly objections: readonly string[];
    readonly blockers: readonly string[];
    readonly answers: Readonly<Record<string, { answer: string; by: string }>>;
    readonly why: ReadonlyArray<{
      delegation: string;
      by: string;
      distanceToText: number;
      distanceToStatusQuo: number;
    }>;
  }>;
  readonly timeline: ReadonlyArray<{ seq: number; at?: string | undefined; type: string; data: unknown }>;
  readonly utilities: ReadonlyArray<{ delegation: string; played: boolean; utility: number; gain: number }>;
}

const esc = (s: unknown) =>
  String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const num = (x: number) => (Number.isInteger(x) ? String(x) : (Math.round(x * 1000) / 1000).toString());

function value(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isFinite(v) ? num(v) : '—';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map(value).join(', ');
  return String(v);
}

const RESULT: Record<string, string> = {
  adopted: 'adopted',
  blocked: 'blocked',
  'adopted-by-participants': 'adopted by the participants (opt-out)',
  'nothing adopted': 'nothing adopted: the status quo stands',
};

export function renderDebriefHtml(
  d: PrintableDebrief,
  setup: RoomSetup,
  o: {
    generatedAt: string;
    positions?: { played: Record<string, Record<string, number[]>> } | null;
    players: ReadonlyArray<{ delegation: string; name: string }>;
  },
): string {
  const name = (id: string | null | undefined) => {
    if (!id) return 'all';
    if (id === 'moderator') return 'the moderator';
    const del = setup.delegations.find((x) => x.id === id);
    return del ? `${del.name} (${del.id})` : id;
  };
  const issueTitle = (id: string) => setup.issues.find((i) => i.id === id)?.title ?? id;
  const text = (p: Readonly<Record<string, number[]>>) =>
    Object.entries(p)
      .map(([i, z]) => `${esc(issueTitle(i))}: <strong>${esc(value(z))}</strong>`)
      .join('; ');
  const players = (del: string) =>
    o.players
      .filter((p) => p.delegation === del)
      .map((p) => p.name)
      .join(', ');

  const issues = d.issues
    .map((i) => {
      const models = [...new Set([...Object.keys(i.forecasts.coded), ...Object.keys(i.forecasts.played)])];
      const rows = models
        .map((m) => {
          const p = i.forecasts.played[m];
          const c = i.forecasts.coded[m];
          return `<tr><th scope="row">${esc((MODEL_TITLES as Record<string, string>)[m] ?? m)}</th><td class="num">${esc(value(p?.outcome))}</td><td>${esc(value(p?.adopted))}</td><td class="num">${esc(value(c?.outcome))}</td><td>${esc(value(c?.adopted))}</td></tr>`;
        })
        .join('');
      const observed = i.observed
        ? `${i.observed.adopted === null ? '' : i.observed.adopted ? 'adopted' : 'not adopted'}${i.observed.position ? ` at ${esc(value(i.observed.position))}` : ''}`
        : 'none recorded';
      return `<section class="issue"><h3>${esc(i.title)}</h3>
<p>The game: <strong>${esc(value(i.game))}</strong> · status quo ${esc(value(i.statusQuo))} · observed outcome: ${observed}</p>
<table><caption>Every model's forecast beside the game's outcome (${esc(value(i.game))})</caption>
<thead><tr><th scope="col">Model</th><th scope="col">On the played positions</th><th scope="col">Adopted?</th><th scope="col">On the coded positions</th><th scope="col">Adopted?</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');

  const calls = d.calls.length
    ? d.calls
        .map((c, k) => {
          const answers = setup.delegations
            .map((del) => {
              const a = c.answers[del.id];
              return `<li>${esc(name(del.id))}: ${a ? `${esc(a.answer)}${a.by === 'bot' ? ' (bot)' : ''}` : 'no answer (raises no objection)'}</li>`;
            })
            .join('');
          const why = c.why.length
            ? `<ul class="why">${c.why
                .map(
                  (w) =>
                    `<li><strong>${esc(name(w.delegation))}</strong> (${w.by === 'bot' ? 'a bot' : 'its players'}) blocked: the text was ${esc(num(w.distanceToText))} from its position, the status quo ${esc(num(w.distanceToStatusQuo))} (salience-weighted distances); ${w.distanceToText > w.distanceToStatusQuo ? 'the text was worse for it than no agreement, as its brief said.' : 'it objected to a text no worse for it than the status quo: a choice its brief does not explain.'}</li>`,
                )
                .join('')}</ul>`
            : '';
          return `<section class="call"><h3>Call ${k + 1}: ${esc(RESULT[c.result ?? ''] ?? c.result ?? 'open')}</h3>
<p>On ${text(c.positions)}${c.objections.length ? `; objections: ${esc(c.objections.map(name).join(', '))}` : '; no objection'}</p>${why}
<ul class="answers">${answers}</ul></section>`;
        })
        .join('\n')
    : '<p>No call for consensus was made.</p>';

  const describe = (e: { type: string; data: unknown }) => {
    const x = e.data as Record<string, unknown> & { positions?: Record<string, number[]> };
    switch (e.type) {
      case 'phase.set':
        return `Phase: ${esc(x.phase)}${x.endsAt ? ` (timer until ${esc(String(x.endsAt).slice(11, 16))} UTC)` : ''}`;
      case 'text.tabled':
        return `${esc(name(x.by as string))} tables ${text(x.positions ?? {})}`;
      case 'amendment.sent':
        return `${esc(name(x.delegation as string))}${x.participant === 'bot' ? ' (bot)' : ''} proposes ${text(x.positions ?? {})}`;
      case 'call.opened':
        return 'Call for consensus';
      case 'answer.given':
        return `${esc(name(x.delegation as string))}${x.by === 'bot' ? ' (bot)' : ''}: ${esc(x.answer)}`;
      case 'call.closed': {
        const c = d.calls.find((y) => y.id === x.call);
        return `Call closed: ${esc(RESULT[c?.result ?? ''] ?? c?.result ?? '')}`;
      }
      default:
        return esc(e.type);
    }
  };
  const timeline = d.timeline
    .map(
      (e) =>
        `<tr><td class="num">${e.seq}</td><td class="nowrap">${esc((e.at ?? '').slice(0, 19).replace('T', ' '))}</td><td>${describe(e)}</td></tr>`,
    )
    .join('');

  const utilities = d.utilities
    .map(
      (u) =>
        `<tr><th scope="row">${esc(name(u.delegation))}</th><td>${u.played ? esc(players(u.delegation) || 'people') : 'a bot'}</td><td class="num">${esc(num(u.utility))}</td><td class="num ${u.gain < 0 ? 'bad' : ''}">${esc(num(u.gain))}</td></tr>`,
    )
    .join('');

  const positions = o.positions
    ? `<h2>Played and coded positions</h2>
<table><thead><tr><th scope="col">Delegation</th>${setup.issues.map((i) => `<th scope="col">${esc(i.title)}: played</th><th scope="col">coded</th>`).join('')}</tr></thead>
<tbody>${setup.delegations
        .map(
          (del) =>
            `<tr><th scope="row">${esc(name(del.id))}</th>${setup.issues
              .map((i) => {
                const c = i.coded[del.id]?.position ?? null;
                const p = o.positions!.played[i.id]?.[del.id] ?? null;
                const moved = c && p && c.some((x, k) => x !== p[k]);
                return `<td class="num${moved ? ' moved' : ''}">${esc(value(p))}</td><td class="num">${esc(value(c))}</td>`;
              })
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`
    : '';

  const outcome = d.outcome;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Debrief: ${esc(d.title)}</title>
<style>
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2733; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 0.3rem; } h2 { font-size: 1.2rem; margin: 1.4rem 0 0.4rem; border-bottom: 1px solid #d3d9df; }
h3 { font-size: 1.02rem; margin: 0.9rem 0 0.3rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; margin: 0.3rem 0 0.6rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { border-bottom: 1px solid #d3d9df; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #e9eef3; }
.num { text-align: right; font-variant-numeric: tabular-nums; } .nowrap { white-space: nowrap; }
.muted { color: #4f5b66; } .bad { color: #a11d1d; } .moved { font-weight: 700; }
.outcome { background: #f7f9fb; border: 1px solid #d3d9df; border-radius: 6px; padding: 0.5rem 0.8rem; }
section.issue, section.call, table { break-inside: avoid; }
@page { margin: 15mm; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
</style>
</head>
<body>
<header>
<h1>Debrief: ${esc(d.title)}</h1>
<p class="muted">${esc(setup.organization ?? '')}${setup.date ? ` · the case of ${esc(setup.date)}` : ''} · scenario <code>${esc(setup.scenarioId)}</code> · ${esc(setup.delegations.length)} delegations, ${esc(new Set(o.players.map((p) => p.delegation)).size)} played by people · bots: the ${setup.botModel === 'eum' ? 'expected-utility' : 'consensus'} model at the start · printed ${esc(o.generatedAt.slice(0, 16).replace('T', ' '))} UTC by Concord</p>
</header>
<main>
<div class="outcome"><p><strong>Outcome:</strong> ${esc(RESULT[outcome.adopted ?? ''] ?? outcome.adopted)}${outcome.participants ? ` (by ${esc(outcome.participants.map(name).join(', '))})` : ''}.</p>
<p>${Object.entries(outcome.positions)
    .map(([i, z]) => `${esc(issueTitle(i))}: <strong>${esc(value(z))}</strong>`)
    .join('; ')}</p></div>
<h2>The outcome beside the models' forecasts</h2>
<p class="muted">Each model forecast on the positions as played (each delegation's last amendment in place of its coded position) and on the coded positions of the case. ${esc(setup.source ? `Source of the case: ${setup.source}.` : '')}</p>
${issues}
<h2>Who blocked, and why</h2>
${calls}
<h2>Each delegation's utility</h2>
<p class="muted">Utility: minus the salience-weighted distance of the outcome from the delegation's brief (0 is best). Gain: how much closer the outcome came to its brief than the status quo (negative: it lost).</p>
<table><thead><tr><th scope="col">Delegation</th><th scope="col">Played by</th><th scope="col">Utility</th><th scope="col">Gain over the status quo</th></tr></thead><tbody>${utilities}</tbody></table>
${positions}
<h2>Timeline</h2>
<table><thead><tr><th scope="col">#</th><th scope="col">Time (UTC)</th><th scope="col">What happened</th></tr></thead><tbody>${timeline}</tbody></table>
</main>
</body>
</html>
`;
}
