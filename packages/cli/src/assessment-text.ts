/**
 * The terminal summary of a run's defence effectiveness and strategic balance (the report's
 * section in table form), for `openbmd run` and `openbmd assess SCENARIO`.
 */
import type { Estimate, RunResult } from '@openbmd/core';
import { fixed, formatTable } from './format.js';

const pct = (x: number): string => `${fixed(100 * x, 1)}%`;
const withCi = (e: Estimate, f: (x: number) => string): string =>
  `${f(e.value)} [${f(e.ci95[0])}, ${f(e.ci95[1])}]`;

export const assessmentText = (r: RunResult): string => {
  const a = r.assessment;
  if (a === null) return '';
  const p = a.policy;
  const doctrine =
    p.doctrine.kind === 'barrage'
      ? `barrage of ${p.doctrine.shots}`
      : `shoot-look-shoot ${p.doctrine.firstShots}+${p.doctrine.secondShots} (look right with p ${p.doctrine.pLook})`;
  const sites = formatTable(
    [
      { header: 'analysis' },
      { header: 'site' },
      { header: 'warheads', align: 'right' },
      { header: 'leak by geometry', align: 'right' },
      { header: 'inventory', align: 'right' },
      { header: 'P(no leakers) closed form', align: 'right' },
      { header: 'P(no leakers) Monte Carlo [95%]', align: 'right' },
      { header: 'expected leakers', align: 'right' },
      { header: 'interceptors used', align: 'right' },
      { header: 'needed for required P' },
    ],
    a.sites.map((s) => {
      const head = [
        s.analysisId,
        s.siteId,
        String(s.attack.warheadsEngageable),
        String(s.attack.warheadsNotEngageable),
        String(s.inventory),
      ];
      if (s.analytic === null || s.monteCarlo === null) return [...head, '-', '-', '-', '-', '-'];
      const n = s.interceptorsNeeded;
      return [
        ...head,
        `${pct(s.analytic.pNoLeakers)}${s.analytic.inventoryCovers ? '' : ' (unlimited)'}`,
        withCi(s.monteCarlo.pNoLeakers, pct),
        withCi(s.monteCarlo.expectedLeakers, (x) => fixed(x, 2)),
        withCi(s.monteCarlo.expectedInterceptorsUsed, (x) => fixed(x, 1)),
        n === null ? 'none' : `${n.shotsPerObject}/object, ${n.interceptorsToCoverAll} to cover`,
      ];
    }),
  );
  const forces =
    a.forces.length === 0
      ? ''
      : `\nStrategic balance (warheads a site can engage at all; expected stopped with its inventory)\n${formatTable(
          [
            { header: 'force' },
            { header: 'analysis' },
            { header: 'site' },
            { header: 'warheads', align: 'right' },
            { header: 'engageable', align: 'right' },
            { header: 'expected stopped', align: 'right' },
            { header: 'at arms-control limits' },
          ],
          a.forces.flatMap((f) =>
            f.sites.map((s) => [
              f.forceId,
              f.analysisId,
              s.siteId,
              String(f.totalWarheads),
              String(s.warheadsEngageable),
              s.expectedStopped === null ? '0' : withCi(s.expectedStopped, (x) => fixed(x, 1)),
              s.atLimits
                .map(
                  (l) =>
                    `${l.name}: ${l.warheadsEngageable}/${l.warheads} engageable, ${l.expectedStopped === null ? '0' : fixed(l.expectedStopped.value, 1)} stopped`,
                )
                .join('; ') || '-',
            ]),
          ),
        )}`;
  return [
    `\nDefence effectiveness (sspk ${p.sspk}, reliability ${p.reliability}, P(track) ${p.pTrack}${p.commonModeTrack ? ' common-mode' : ''}, ${doctrine}, ${p.decoysPerWarhead} decoys/warhead at P(discriminate) ${p.pDiscriminate}; required P(no leakers) ${pct(p.requiredPNoLeakers)}; Monte Carlo ${p.monteCarlo.trials} trials, seed ${p.monteCarlo.seed})\n`,
    sites,
    forces,
    '\n',
  ].join('');
};
