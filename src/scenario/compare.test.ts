import { describe, expect, it } from 'vitest';
import { eventLabel } from './compare.js';

describe('eventLabel', () => {
  it('tells apart two deployments of one actor in one year by their systems', () => {
    const poland = eventLabel({
      type: 'deploy-missile-defense',
      year: 2018,
      actor: 'USA',
      system: 'Aegis-Ashore-Poland',
      interceptors: 24,
    });
    const romania = eventLabel({
      type: 'deploy-missile-defense',
      year: 2018,
      actor: 'USA',
      system: 'Aegis-Ashore-Romania',
      interceptors: 0,
    });
    expect(poland).toBe('deploy-missile-defense 2018 USA Aegis-Ashore-Poland');
    expect(romania).not.toBe(poland);
  });

  it('names the actors of alignments, the target of sanctions, and a force change without a system by its actor', () => {
    expect(eventLabel({ type: 'break-alignment', year: 2021, actors: ['USA', 'CHN'], ceiling: -0.2 })).toBe(
      'break-alignment 2021 USA+CHN',
    );
    expect(eventLabel({ type: 'sanction', year: 2019, actor: 'USA', target: 'RUS', severity: 0.4 })).toBe(
      'sanction 2019 USA→RUS',
    );
    expect(eventLabel({ type: 'change-forces', year: 2018, actor: 'CHN', factor: 1.5 })).toBe(
      'change-forces 2018 CHN',
    );
    expect(
      eventLabel({ type: 'switch-sensor', year: 2017, actor: 'USA', sensor: 'TPY-2-Korea', enabled: true }),
    ).toBe('switch-sensor 2017 USA TPY-2-Korea');
    expect(
      eventLabel({ type: 'switch-sensor', year: 2020, actor: 'USA', sensor: 'TPY-2-Korea', enabled: false }),
    ).toBe('switch-sensor 2020 USA TPY-2-Korea off');
    expect(
      eventLabel({ type: 'concede', year: 2018, actor: 'USA', dimension: 'taiwan', position: 40, share: 1 }),
    ).toBe('concede 2018 USA taiwan');
  });
});
