/**
 * A run result for the exporter tests, built by hand (no flight is computed, so the tests stay
 * fast and independent of the engine): three threats on great-circle ground tracks with a sine
 * altitude profile (one, Kamchatka to Alaska, crosses the antimeridian and has '<&' in its
 * name), a ground radar whose coverage footprint core computes, a space-based infrared sensor,
 * one interceptor site, a baseline and one variant, two claims (one with a threshold, one
 * without), a ledger and sources. The figures are plausible, not computed: a fixture, not a result.
 */
import {
  type AnalysisResult,
  assessRun,
  type ClaimResult,
  describeEarthModel,
  directGeodesic,
  type Engagement,
  earthPreset,
  type GroundRadar,
  type InterceptPoint,
  inverseGeodesic,
  type RunResult,
  radarCoveragePolygon,
  type SensorTimelineResult,
  type ThreatResult,
  type TrackPoint,
} from '@openbmd/core';

const DEG = Math.PI / 180;
const model = earthPreset('wgs84');

interface Place {
  readonly id: string;
  readonly name: string;
  readonly latDeg: number;
  readonly lonDeg: number;
}

const places = {
  semnan: { id: 'semnan', name: 'Semnan', latDeg: 35.234, lonDeg: 53.921 },
  london: { id: 'london', name: 'London', latDeg: 51.507, lonDeg: -0.128 },
  kozelsk: { id: 'kozelsk', name: 'Kozelsk', latDeg: 54.033, lonDeg: 35.767 },
  washington: { id: 'washington', name: 'Washington', latDeg: 38.895, lonDeg: -77.036 },
  kamchatka: { id: 'kamchatka', name: 'Kura range, Kamchatka', latDeg: 57.1, lonDeg: 161.0 },
  anchorage: { id: 'anchorage', name: 'Anchorage', latDeg: 61.218, lonDeg: -149.9 },
  brdy: { id: 'brdy', name: 'Brdy X-band radar', latDeg: 49.683, lonDeg: 13.85 },
  redzikowo: { id: 'redzikowo', name: 'Redzikowo', latDeg: 54.479, lonDeg: 17.1 },
} as const satisfies Record<string, Place>;

interface ThreatPlan {
  readonly threatId: string;
  readonly name: string;
  readonly missileId: string;
  readonly missileName: string;
  readonly from: Place;
  readonly to: Place;
  readonly burnoutTimeS: number;
  readonly impactTimeS: number;
  readonly apogeeKm: number;
  /** Baseline intercept window of Redzikowo, or null when it cannot engage. */
  readonly windowS: readonly [number, number] | null;
}

const plans: readonly ThreatPlan[] = [
  {
    threatId: 'semnan-london',
    name: 'Semnan \u2192 London',
    missileId: 'iran-icbm-notional',
    missileName: 'Iranian ICBM (notional)',
    from: places.semnan,
    to: places.london,
    burnoutTimeS: 180,
    impactTimeS: 1420,
    apogeeKm: 1050,
    windowS: [640, 960],
  },
  {
    threatId: 'kozelsk-washington',
    name: 'Kozelsk \u2192 Washington',
    missileId: 'ss-19',
    missileName: 'SS-19',
    from: places.kozelsk,
    to: places.washington,
    burnoutTimeS: 300,
    impactTimeS: 1630,
    apogeeKm: 946,
    windowS: [700, 1010],
  },
  {
    threatId: 'kamchatka-anchorage',
    name: 'Kamchatka \u2192 Anchorage <test & eval>',
    missileId: 'ss-27',
    missileName: 'SS-27',
    from: places.kamchatka,
    to: places.anchorage,
    burnoutTimeS: 180,
    impactTimeS: 1020,
    apogeeKm: 640,
    windowS: null,
  },
];

/** Track sampling interval, s. */
const STEP_S = 10;

interface Flown {
  readonly threat: ThreatResult;
  readonly points: TrackPoint[];
}

const fly = (plan: ThreatPlan): Flown => {
  const { from, to } = plan;
  const inv = inverseGeodesic(
    from.latDeg * DEG,
    from.lonDeg * DEG,
    to.latDeg * DEG,
    to.lonDeg * DEG,
    model,
  );
  const T = plan.impactTimeS;
  const points: TrackPoint[] = [];
  for (let t = 0; t <= T + 1e-9; t += STEP_S) {
    const f = t / T;
    const groundM = inv.distanceM * f;
    const at = directGeodesic(
      from.latDeg * DEG,
      from.lonDeg * DEG,
      inv.azimuth1Rad,
      groundM,
      model,
    );
    const altitudeKm = plan.apogeeKm * Math.sin(Math.PI * f);
    const phase =
      t < plan.burnoutTimeS ? 'boost' : altitudeKm < 100 && f > 0.5 ? 'terminal' : 'midcourse';
    const engageableBy =
      plan.windowS !== null && t >= plan.windowS[0] && t <= plan.windowS[1] ? ['redzikowo'] : [];
    points.push({
      timeS: t,
      latDeg: at.latRad / DEG,
      lonDeg: at.lonRad / DEG,
      altitudeKm,
      groundRangeKm: groundM / 1000,
      speedMps:
        t < plan.burnoutTimeS
          ? (7000 * t) / plan.burnoutTimeS
          : 7000 - 2000 * Math.sin(Math.PI * f),
      phase,
      engageableBy,
    });
  }
  const last = points[points.length - 1];
  return {
    points,
    threat: {
      threatId: plan.threatId,
      name: plan.name,
      missileId: plan.missileId,
      missileName: plan.missileName,
      fromSiteId: from.id,
      toSiteId: to.id,
      trajectoryType: 'minimum-energy',
      rvCount: 1,
      rcsM2: 0.1,
      launchTimeS: 0,
      burnoutTimeS: plan.burnoutTimeS,
      impactTimeS: plan.impactTimeS,
      apogeeKm: plan.apogeeKm,
      groundRangeKm: inv.distanceM / 1000,
      impactLatDeg: last?.latDeg ?? to.latDeg,
      impactLonDeg: last?.lonDeg ?? to.lonDeg,
      missDistanceM: 4.2,
    },
  };
};

const flown = plans.map(fly);

const pointAt = (points: readonly TrackPoint[], timeS: number): TrackPoint => {
  const p = points.reduce((best, q) =>
    Math.abs(q.timeS - timeS) < Math.abs(best.timeS - timeS) ? q : best,
  );
  return p;
};

const intercept = (
  points: readonly TrackPoint[],
  timeS: number,
  flyoutS: number,
): InterceptPoint => {
  const p = pointAt(points, timeS);
  return {
    timeS: p.timeS,
    latDeg: p.latDeg,
    lonDeg: p.lonDeg,
    altitudeKm: p.altitudeKm,
    launchTimeS: p.timeS - flyoutS,
    closingSpeedMps: 9800,
    geometry: 'head-on',
  };
};

const engagement = (
  plan: ThreatPlan,
  points: readonly TrackPoint[],
  widenS: number,
): Engagement => {
  if (plan.windowS === null) {
    return {
      siteId: 'redzikowo',
      threatId: plan.threatId,
      engageable: false,
      reason: 'out-of-reach',
      window: null,
      firstIntercept: null,
      lastIntercept: null,
      shotOpportunities: 0,
      minBurnoutSpeedMps: null,
      maxCommitDelayS: null,
    };
  }
  const [first, last] = [plan.windowS[0] - widenS, plan.windowS[1] + widenS];
  return {
    siteId: 'redzikowo',
    threatId: plan.threatId,
    engageable: true,
    reason: null,
    window: { firstInterceptS: first, lastInterceptS: last },
    firstIntercept: intercept(points, first, 420),
    lastIntercept: intercept(points, last, 300),
    shotOpportunities: 2,
    minBurnoutSpeedMps: 4300,
    maxCommitDelayS: 95,
  };
};

const brdyRadar: GroundRadar = {
  kind: 'radar',
  id: 'brdy',
  latRad: places.brdy.latDeg * DEG,
  lonRad: places.brdy.lonDeg * DEG,
  altitudeM: 700,
  faces: [
    {
      boresightAzimuthRad: 110 * DEG,
      azimuthHalfWidthRad: 60 * DEG,
      minElevationRad: 1 * DEG,
      maxElevationRad: 85 * DEG,
    },
  ],
  minElevationRad: 1 * DEG,
  maxRangeM: 4000e3,
  detectionRangeM: 2000e3,
  referenceRcsM2: 1,
  trackInitiationDelayS: 10,
  fireControl: true,
};

const coverage = radarCoveragePolygon(brdyRadar, model, 300e3, 0.1, 72);

const sensorTimelines: SensorTimelineResult[] = plans.flatMap((plan): SensorTimelineResult[] => [
  plan.windowS === null
    ? {
        sensorId: 'brdy',
        threatId: plan.threatId,
        intervals: [],
        firstDetectionS: null,
        trackS: null,
        fireControlS: null,
        reason: 'below-horizon',
      }
    : {
        sensorId: 'brdy',
        threatId: plan.threatId,
        intervals: [{ startS: plan.windowS[0] - 300, endS: plan.windowS[1] + 200 }],
        firstDetectionS: plan.windowS[0] - 300,
        trackS: plan.windowS[0] - 290,
        fireControlS: plan.windowS[0] - 280,
        reason: null,
      },
  {
    sensorId: 'sbirs',
    threatId: plan.threatId,
    intervals: [{ startS: 20, endS: plan.burnoutTimeS }],
    firstDetectionS: 60,
    trackS: 120,
    fireControlS: null,
    reason: null,
  },
]);

const baselineClaims: ClaimResult[] = [
  {
    id: 'defends-europe-from-iran',
    text: 'The Polish site can engage an Iranian ICBM aimed at London',
    holds: true,
    margin: { value: 1.1, unit: 'km/s' },
    threshold: {
      parameter: 'interceptors.gbi-2stage-mda.burnoutSpeedMps',
      value: 4.3,
      unit: 'km/s',
      holdsAbove: true,
    },
  },
  {
    id: 'threatens-russian-pacific-icbm',
    text: 'The Polish site can engage a Russian ICBM fired from Kamchatka to Alaska',
    holds: false,
    margin: null,
    threshold: null,
  },
];

const analysis = (
  id: string,
  name: string,
  description: string | null,
  changes: AnalysisResult['changes'],
  widenS: number,
  claims: ClaimResult[],
): AnalysisResult => ({
  id,
  name,
  description,
  changes,
  threats: flown.map((f) => f.threat),
  sensors: sensorTimelines,
  engagements: plans.map((plan, i) => engagement(plan, flown[i]?.points ?? [], widenS)),
  claims,
  flyoutErrors: [{ siteId: 'redzikowo', maxTimeErrorS: 0.8, rmsTimeErrorS: 0.3 }],
});

const baseline = analysis('baseline', 'Baseline', null, [], 0, baselineClaims);
const variant = analysis(
  'postol-lewis-8kms',
  'Postol & Lewis: 8.0 km/s',
  'The interceptor at the burnout speed Postol and Lewis assumed.',
  [{ path: 'interceptors.gbi-2stage-mda.burnoutSpeedMps', value: 8000 }],
  60,
  baselineClaims.map((c) =>
    c.margin === null ? c : { ...c, margin: { value: 3.7, unit: c.margin.unit } },
  ),
);

const SOURCE_MDA =
  'MDA, "Proposed U.S. Missile Defense Assets in Europe", briefing slides, 2007 (https://example.org/mda-europe-2007.pdf)';
const SOURCE_POSTOL =
  'T. Postol and G. Lewis, "The proposed US missile defense in Europe", Bulletin of the Atomic Scientists, 2007';
const SOURCE_WILKENING =
  'D. Wilkening, "A simple model for calculating ballistic missile defense effectiveness", Science & Global Security 8, 2000';

const fixtureSite = {
  id: 'redzikowo',
  name: 'Redzikowo',
  latDeg: places.redzikowo.latDeg,
  lonDeg: places.redzikowo.lonDeg,
  interceptorId: 'gbi-2stage-mda',
  interceptorName: 'Two-stage GBI (MDA)',
  burnoutSpeedMps: 5400,
  inventory: 10,
};

export const fixtureRunResult = (): RunResult => ({
  resultFormat: 1,
  provenance: {
    openbmdVersion: '0.1.0',
    scenarioName: 'Exporter test <fixture> & friends',
    scenarioFile: 'scenarios/fixture.yaml',
    scenarioSha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    scenarioFormat: { written: 1, current: 1 },
    epoch: '2008-06-01T12:00:00Z',
  },
  description: 'Three threats against one interceptor site, for the exporter tests.',
  notional: true,
  ledger: {
    fidelity: 'wgs84',
    models: describeEarthModel(model),
    integrator: {
      method: 'Dormand-Prince 8(5,3), adaptive, dense output',
      relativeTolerance: 1e-10,
      absoluteTolerance: 1e-3,
      notes: ['flyout fans: 24 kick angles per site', 'root finding to 1 ms'],
    },
    delays: [
      { path: 'sensors.brdy.trackInitiationDelayS', valueS: 10 },
      { path: 'interceptorSites.redzikowo.launchDelayS', valueS: 60 },
    ],
    parameters: [
      {
        path: 'interceptors.gbi-2stage-mda.burnoutSpeedMps',
        value: '5400 m/s',
        sources: [SOURCE_MDA],
        notes: 'as shown on the slides',
      },
      {
        path: 'sensors.brdy.detectionRangeM',
        value: '2000 km against 1 m^2',
        sources: [SOURCE_MDA, SOURCE_WILKENING],
        notes: null,
      },
    ],
  },
  sources: [SOURCE_MDA, SOURCE_POSTOL],
  sites: [
    { ...places.semnan, altitudeM: 0, roles: ['launch'] },
    { ...places.london, altitudeM: 0, roles: ['target'] },
    { ...places.kozelsk, altitudeM: 0, roles: ['launch'] },
    { ...places.washington, altitudeM: 0, roles: ['target'] },
    { ...places.kamchatka, altitudeM: 0, roles: ['launch'] },
    { ...places.anchorage, altitudeM: 0, roles: ['target'] },
    { ...places.brdy, altitudeM: 700, roles: ['sensor'] },
    { ...places.redzikowo, altitudeM: 20, roles: ['interceptor'] },
  ],
  sensors: [
    {
      id: 'brdy',
      name: 'Brdy X-band radar',
      type: 'radar',
      latDeg: places.brdy.latDeg,
      lonDeg: places.brdy.lonDeg,
      fireControl: true,
      coverage,
    },
    {
      id: 'sbirs',
      name: 'SBIRS <space & infrared>',
      type: 'space-infrared',
      latDeg: null,
      lonDeg: null,
      fireControl: false,
      coverage: null,
    },
  ],
  interceptorSites: [fixtureSite],
  tracks: flown.map((f, i) => ({ threatId: plans[i]?.threatId ?? '', points: f.points })),
  baseline,
  variants: [variant],
  assessment: assessRun(
    {
      assessment: {
        sspk: 0.7,
        reliability: 0.9,
        pTrack: 0.95,
        commonModeTrack: false,
        doctrine: { kind: 'shoot-look-shoot', firstShots: 1, secondShots: 1, pLook: 0.9 },
        decoysPerWarhead: 1,
        pDiscriminate: 0.5,
        requiredPNoLeakers: 0.8,
        salvoCorrelation: 0.1,
        monteCarlo: { seed: 7, trials: 2000 },
      },
      forces: [
        {
          id: 'western-force',
          name: 'A western <force> & co',
          deployments: [
            { threat: 'kozelsk-washington', missiles: 10, warheadsPerMissile: 6 },
            { threat: 'semnan-london', missiles: 5, warheadsPerMissile: 1 },
          ],
          armsControlLimits: [{ name: 'New START', warheads: 1550 }],
        },
      ],
    },
    [baseline, variant],
    [fixtureSite],
  ),
});
