/**
 * The printable debrief of a negotiation room: one self-contained HTML page (its styles inline, no
 * script, nothing fetched: a Content-Security-Policy meta tag forbids it even opened from a file),
 * to print or keep. It holds the game's outcome beside every model's forecast on the played and on
 * the coded positions (and the observed outcome where the case has one), who blocked each call and
 * why, the timeline of phases, texts, amendments, calls and answers, and each delegation's utility.
 * With `positions` (the moderator's copy, or once the briefs are revealed) it also sets each
 * delegation's played position beside its coded one.
 *
 * Written in a locale (the request's `?lang=` or Accept-Language; the `lab-rooms` catalogue's
 * `print.` keys, numbers and states' names of the locale); the case's own text (its title, issues,
 * source) stays as the scenario file gives it, marked lang="en" in another language.
 */
import { MODEL_TITLES } from '../bargaining/forecast.js';
import { countryName } from '../data/load.js';
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { labRooms } from '../i18n/messages/lab-rooms/index.js';
import { reportForecasts } from '../i18n/messages/report-forecasts/index.js';
import { translator } from '../i18n/translate.js';
import type { RoomSetup } from '../rooms/setup.js';
import { esc } from '../util/html.js';

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

export function renderDebriefHtml(
  d: PrintableDebrief,
  setup: RoomSetup,
  o: {
    generatedAt: string;
    positions?: { played: Record<string, Record<string, number[]>> } | null;
    players: ReadonlyArray<{ delegation: string; name: string }>;
    /** The page's language (English by default). */
    locale?: Locale;
  },
): string {
  const locale = o.locale ?? 'en';
  const t = translator(labRooms, locale);
  const tw = translator(reportForecasts, locale);
  const f = formatter(locale);
  const en = locale === 'en';
  /** The case's own text (titles of the scenario and its issues): English, marked so in another page. */
  const data = (s: string) => (en ? esc(s) : `<span lang="en">${esc(s)}</span>`);
  const num = (x: number) =>
    en ? (Number.isInteger(x) ? String(x) : (Math.round(x * 1000) / 1000).toString()) : f.number(x, 3);
  const value = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'number') return Number.isFinite(v) ? num(v) : '—';
    if (typeof v === 'boolean') return v ? t('print.yes') : t('print.no');
    if (Array.isArray(v)) return v.map(value).join(en ? ', ' : locale === 'ru' ? '; ' : '，');
    return String(v);
  };
  const RESULT: Record<string, string> = {
    adopted: t('result.adopted'),
    blocked: t('result.blocked'),
    'adopted-by-participants': t('result.adopted-by-participants'),
    'nothing adopted': t('print.result.nothing'),
  };
  const ANSWER: Record<string, string> = {
    accept: t('print.answer.accept'),
    object: t('print.answer.object'),
    abstain: t('print.answer.abstain'),
  };
  const answerText = (a: unknown) => ANSWER[String(a)] ?? String(a);
  const bot = t('print.bot-suffix');
  const name = (id: string | null | undefined) => {
    if (!id) return t('print.all');
    if (id === 'moderator') return t('print.moderator');
    const del = setup.delegations.find((x) => x.id === id);
    if (!del) return id;
    const own = en ? del.name : countryName(del.id, locale);
    return `${own === del.id ? del.name : own} (${del.id})`;
  };
  const issueTitle = (id: string) => setup.issues.find((i) => i.id === id)?.title ?? id;
  const text = (p: Readonly<Record<string, number[]>>) =>
    Object.entries(p)
      .map(([i, z]) => `${data(issueTitle(i))}: <strong>${esc(value(z))}</strong>`)
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
          const title = (MODEL_TITLES as Record<string, string>)[m] ?? m;
          return `<tr><th scope="row">${esc(en ? title : tw.or(`model.${m}`, title))}</th><td class="num">${esc(value(p?.outcome))}</td><td>${esc(value(p?.adopted))}</td><td class="num">${esc(value(c?.outcome))}</td><td>${esc(value(c?.adopted))}</td></tr>`;
        })
        .join('');
      const observed = i.observed
        ? esc(
            t('print.observed', {
              adopted: i.observed.adopted === null ? 'none' : i.observed.adopted ? 'yes' : 'no',
              at: i.observed.position ? t('print.observed-at', { position: value(i.observed.position) }) : '',
            }),
          )
        : esc(t('print.none-recorded'));
      const game = `<strong>${esc(value(i.game))}</strong>`;
      return `<section class="issue"><h3>${data(i.title)}</h3>
<p>${esc(t('print.game', { game: '\u0000', statusQuo: value(i.statusQuo), observed: '\u0001' }))
        .replace('\u0000', game)
        .replace('\u0001', observed)}</p>
<table><caption>${esc(t('print.table-caption', { game: value(i.game) }))}</caption>
<thead><tr><th scope="col">${esc(t('print.col.model'))}</th><th scope="col">${esc(t('print.col.on-played'))}</th><th scope="col">${esc(t('print.col.adopted'))}</th><th scope="col">${esc(t('print.col.on-coded'))}</th><th scope="col">${esc(t('print.col.adopted'))}</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
    })
    .join('\n');

  const calls = d.calls.length
    ? d.calls
        .map((c, k) => {
          const answers = setup.delegations
            .map((del) => {
              const a = c.answers[del.id];
              return `<li>${esc(name(del.id))}: ${a ? `${esc(answerText(a.answer))}${a.by === 'bot' ? esc(bot) : ''}` : esc(t('print.no-answer'))}</li>`;
            })
            .join('');
          const why = c.why.length
            ? `<ul class="why">${c.why
                .map(
                  (w) =>
                    `<li>${esc(
                      t('print.why', {
                        delegation: '\u0000',
                        by: w.by === 'bot' ? t('print.a-bot') : t('print.its-players'),
                        toText: num(w.distanceToText),
                        toStatusQuo: num(w.distanceToStatusQuo),
                        reason:
                          w.distanceToText > w.distanceToStatusQuo
                            ? t('print.why.worse')
                            : t('print.why.unexplained'),
                      }),
                    ).replace('\u0000', `<strong>${esc(name(w.delegation))}</strong>`)}</li>`,
                )
                .join('')}</ul>`
            : '';
          const objections = c.objections.length
            ? t('print.objections', { list: c.objections.map(name).join(', ') })
            : t('print.no-objection');
          return `<section class="call"><h3>${esc(t('print.call', { n: k + 1, result: RESULT[c.result ?? ''] ?? c.result ?? t('print.open') }))}</h3>
<p>${esc(t('print.on', { text: '\u0000', objections })).replace('\u0000', text(c.positions))}</p>${why}
<ul class="answers">${answers}</ul></section>`;
        })
        .join('\n')
    : `<p>${esc(t('print.no-call'))}</p>`;

  const describe = (e: { type: string; data: unknown }) => {
    const x = e.data as Record<string, unknown> & { positions?: Record<string, number[]> };
    switch (e.type) {
      case 'phase.set':
        return esc(
          t('print.phase', {
            phase: en ? String(x.phase) : t.or(`phase.${String(x.phase)}`, String(x.phase)),
            timer: x.endsAt ? t('print.timer', { time: String(x.endsAt).slice(11, 16) }) : '',
          }),
        );
      case 'text.tabled':
        return esc(t('print.tables', { by: name(x.by as string), text: '\u0000' })).replace(
          '\u0000',
          text(x.positions ?? {}),
        );
      case 'amendment.sent':
        return esc(
          t('print.proposes', {
            delegation: name(x.delegation as string),
            bot: x.participant === 'bot' ? bot : '',
            text: '\u0000',
          }),
        ).replace('\u0000', text(x.positions ?? {}));
      case 'call.opened':
        return esc(t('print.call-opened'));
      case 'answer.given':
        return esc(
          t('print.answer', {
            delegation: name(x.delegation as string),
            bot: x.by === 'bot' ? bot : '',
            answer: answerText(x.answer),
          }),
        );
      case 'call.closed': {
        const c = d.calls.find((y) => y.id === x.call);
        return esc(t('print.call-closed', { result: RESULT[c?.result ?? ''] ?? c?.result ?? '' }));
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
        `<tr><th scope="row">${esc(name(u.delegation))}</th><td>${u.played ? esc(players(u.delegation) || t('print.people')) : esc(t('print.a-bot'))}</td><td class="num">${esc(num(u.utility))}</td><td class="num ${u.gain < 0 ? 'bad' : ''}">${esc(num(u.gain))}</td></tr>`,
    )
    .join('');

  const positions = o.positions
    ? `<h2>${esc(t('print.played-coded'))}</h2>
<table><thead><tr><th scope="col">${esc(t('print.col.delegation'))}</th>${setup.issues.map((i) => `<th scope="col">${esc(t('print.col.played', { issue: '\u0000' })).replace('\u0000', data(i.title))}</th><th scope="col">${esc(t('print.col.coded'))}</th>`).join('')}</tr></thead>
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
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t('print.title', { title: d.title }))}</title>
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
<h1>${esc(t('print.title', { title: '\u0000' })).replace('\u0000', data(d.title))}</h1>
<p class="muted">${esc(
    t('print.byline', {
      org: setup.organization ?? '',
      case: setup.date ? t('print.case', { date: en ? setup.date : f.date(setup.date) }) : '',
      scenario: '\u0000',
      delegations: setup.delegations.length,
      people: new Set(o.players.map((p) => p.delegation)).size,
      model: setup.botModel === 'eum' ? 'eum' : 'consensus',
      printed: o.generatedAt.slice(0, 16).replace('T', ' '),
    }),
  ).replace('\u0000', `<code>${esc(setup.scenarioId)}</code>`)}</p>
</header>
<main>
<div class="outcome"><p><strong>${esc(t('print.outcome'))}</strong> ${esc(RESULT[outcome.adopted ?? ''] ?? outcome.adopted)}${outcome.participants ? esc(t('print.outcome-by', { list: outcome.participants.map(name).join(', ') })) : ''}${locale === 'zh-Hans' ? '。' : '.'}</p>
<p>${Object.entries(outcome.positions)
    .map(([i, z]) => `${data(issueTitle(i))}: <strong>${esc(value(z))}</strong>`)
    .join('; ')}</p></div>
<h2>${esc(t('print.h.forecasts'))}</h2>
<p class="muted">${esc(t('print.forecasts-note'))} ${setup.source ? esc(t('print.source', { source: '\u0000' })).replace('\u0000', data(setup.source)) : ''}</p>
${issues}
<h2>${esc(t('print.h.blocked'))}</h2>
${calls}
<h2>${esc(t('print.h.utility'))}</h2>
<p class="muted">${esc(t('print.utility-note'))}</p>
<table><thead><tr><th scope="col">${esc(t('print.col.delegation'))}</th><th scope="col">${esc(t('print.col.played-by'))}</th><th scope="col">${esc(t('print.col.utility'))}</th><th scope="col">${esc(t('print.col.gain'))}</th></tr></thead><tbody>${utilities}</tbody></table>
${positions}
<h2>${esc(t('print.h.timeline'))}</h2>
<table><thead><tr><th scope="col">#</th><th scope="col">${esc(t('print.col.time'))}</th><th scope="col">${esc(t('print.col.what'))}</th></tr></thead><tbody>${timeline}</tbody></table>
</main>
</body>
</html>
`;
}
