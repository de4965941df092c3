/**
 * An actor's forces and defenses compiled into the form the exchange reads:
 * warheads per system, the escape share of the alert posture, defaults filled
 * (soft-target hardness, one launcher per aim point, no decoys), and each
 * defense as an attrition layer (defense.ts) unless the options switch the
 * actor's defenses off.
 */
import type { Basing, CoverageRule } from '../../world/forces.js';
import type { Actor } from '../../world/schema.js';
import type { DefenseLayer } from './defense.js';
import type { DeterrenceOptions } from './options.js';

/** One delivery system as the exchange reads it. */
export interface CompiledSystem {
  readonly id: string;
  readonly basing: Basing;
  readonly warheads: number;
  readonly launchers: number;
  readonly warheadsPerLauncher: number;
  readonly yieldKt: number;
  readonly cepM: number;
  readonly reliability: number;
  readonly escape: number;
  readonly hardnessPsi: number;
  readonly launchersPerAimPoint: number;
  readonly decoysPerWarhead: number;
  readonly reaches: readonly string[] | undefined;
}

/** One defense as the exchange reads it: its attrition layer and what it protects against whom. */
export interface CompiledDefense {
  readonly id: string;
  readonly layer: DefenseLayer;
  readonly protectsValue: boolean;
  readonly protectsForces: boolean;
  readonly coverage: readonly CoverageRule[];
}

/** An actor's forces and defenses in the form the exchange reads (built once per call). */
export interface CompiledActor {
  readonly id: string;
  readonly systems: readonly CompiledSystem[];
  readonly defenses: readonly CompiledDefense[];
}

/** Builds the exchange's view of one actor under the given options (posture, soft hardness, disabled defenses). */
export function compileActor(id: string, actor: Actor, options: DeterrenceOptions): CompiledActor {
  const systems: CompiledSystem[] = [];
  for (const [sid, s] of Object.entries(actor.forces?.systems ?? {})) {
    systems.push({
      id: sid,
      basing: s.basing,
      warheads: s.launchers * s.warheadsPerLauncher,
      launchers: s.launchers,
      warheadsPerLauncher: s.warheadsPerLauncher,
      yieldKt: s.yieldKt,
      cepM: s.cepM,
      reliability: s.reliability,
      escape: options.posture === 'generated' ? s.alertGenerated : s.alertDayToDay,
      hardnessPsi: s.hardnessPsi ?? options.softTargetHardnessPsi,
      launchersPerAimPoint: s.launchersPerAimPoint ?? 1,
      decoysPerWarhead: s.decoysPerWarhead ?? 0,
      reaches: s.reaches,
    });
  }
  const defenses: CompiledDefense[] = [];
  if (!options.disableDefenses.includes(id)) {
    for (const [did, d] of Object.entries(actor.defenses ?? {})) {
      const protects = d.protects ?? ['value'];
      defenses.push({
        id: did,
        layer: {
          interceptors: d.interceptors,
          pk: d.pk,
          salvo: d.salvo ?? 1,
          shootLookShoot: d.shootLookShoot ?? false,
          discrimination: d.discrimination ?? 1,
          trackProbability: d.trackProbability ?? 1,
        },
        protectsValue: protects.includes('value'),
        protectsForces: protects.includes('forces'),
        coverage: d.coverage,
      });
    }
  }
  return { id, systems, defenses };
}

/** Whether system `s` can reach actor `target` (no `reaches` list: everywhere). */
export function reaches(s: CompiledSystem, target: string): boolean {
  return s.reaches === undefined || s.reaches.includes(target);
}

/** Whether one of the coverage `rules` of a defense applies to `attacker`'s system `s`. */
export function covers(rules: readonly CoverageRule[], attacker: string, s: CompiledSystem): boolean {
  for (const r of rules) {
    if (r.attacker !== '*' && r.attacker !== attacker) continue;
    if (r.systems && !r.systems.includes(s.id)) continue;
    if (r.basings && !r.basings.includes(s.basing)) continue;
    return true;
  }
  return false;
}
