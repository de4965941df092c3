/**
 * `concert deterrence sspk`: the single-target calculator — lethal radius,
 * SSPK, terminal kill probability, n warheads (models/deterrence
 * counterforce, reports/deterrence).
 */
import type { Command } from '@commander-js/extra-typings';
import { BROWN_MIN_HARDNESS_PSI, type SspkInput } from '../models/deterrence/index.js';
import { type SspkDocument, sspkReport } from '../reports/index.js';
import { Flags } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed } from './table.js';

/** The calculator's chain for its input, one line per step. */
export function sspkText(doc: SspkDocument, i: Required<Omit<SspkInput, 'fratricideLimit'>>): string {
  return [
    `Lethal radius (${i.formula}): ${fixed(doc.lethalRadiusM, 1)} m`,
    `SSPK (CEP ${fixed(i.cepM, 1)} m${i.biasM > 0 ? `, bias ${fixed(i.biasM, 1)} m` : ''}): ${fixed(doc.sspk, 6)}`,
    `Terminal kill probability (× reliability ${i.reliability}): ${fixed(doc.terminalKillProbability, 6)}`,
    `Kill probability with ${i.warheads} warhead${i.warheads === 1 ? '' : 's'}: ${fixed(doc.killProbability, 6)}`,
    `Equivalent megatonnage of ${i.warheads} × ${fixed(i.yieldKt / 1000, 3)} Mt: ${fixed(doc.equivalentMegatonnage, 4)} Mt (Y^(2/3) up to 1 Mt, ${
      doc.emtConvention === 'one-half' ? 'Y^(1/2)' : 'Y^(2/3)'
    } above; Richelson 1980 after Groover et al. 1978; with ${doc.emtConvention === 'one-half' ? 'Y^(2/3)' : 'Y^(1/2)'} above 1 Mt: ${fixed(doc.equivalentMegatonnageAlternative, 4)})`,
    `Counter-military potential N·EMT/CEP²: ${fixed(doc.counterMilitaryPotential, 3)} Mt-equivalent per nmi² (CEP ${fixed(doc.cepNmi, 4)} nmi)`,
  ].join('\n');
}

/** Registers `deterrence sspk`. */
export function register(program: Command): void {
  group(
    program,
    'deterrence',
    'counterforce exchanges through missile defenses and Kent–Thaler first-strike stability of nuclear dyads',
  )
    .command('sspk')
    .description(
      'single-target calculator: lethal radius, SSPK, terminal kill probability, n warheads; equivalent megatonnage and counter-military potential',
    )
    .requiredOption('--yield-kt <kt>', 'warhead yield, kilotons')
    .requiredOption('--cep-m <m>', 'circular error probable, metres')
    .requiredOption('--hardness-psi <psi>', 'target hardness, psi')
    .option('--reliability <r>', 'probability the warhead arrives and detonates', '1')
    .option('--warheads <n>', 'warheads aimed at the target', '1')
    .option('--bias-m <m>', 'aiming bias, metres (effective CEP = √(CEP² + B²))', '0')
    .option('--formula <formula>', 'cookie-cutter (2.62 rule) or brown', 'cookie-cutter')
    .option(
      '--emt <convention>',
      'equivalent megatonnage above 1 Mt: one-half (Y^(1/2), Richelson 1980) or two-thirds (Y^(2/3))',
      'one-half',
    )
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const flags = new Flags();
        const positive = (what: string, unit: string) => (x: number) =>
          x > 0 ? undefined : `expected a ${what} > 0 ${unit}`;
        const yieldKt = flags.number(opts.yieldKt, '--yield-kt', positive('yield', 'kt'));
        const cepM = flags.number(opts.cepM, '--cep-m', positive('CEP', 'm'));
        const formula = flags.choice(opts.formula, '--formula', ['cookie-cutter', 'brown'] as const);
        const hardnessPsi = flags.number(opts.hardnessPsi, '--hardness-psi', (x) =>
          x <= 0
            ? 'expected a hardness > 0 psi'
            : formula === 'brown' && x < BROWN_MIN_HARDNESS_PSI
              ? `Brown's fit holds from ${BROWN_MIN_HARDNESS_PSI} psi (use --formula cookie-cutter)`
              : undefined,
        );
        const reliability = flags.probability(opts.reliability, '--reliability');
        const emtConvention = flags.choice(opts.emt, '--emt', ['one-half', 'two-thirds'] as const);
        const warheads = flags.integer(opts.warheads, '--warheads', 1);
        const biasM = flags.number(opts.biasM, '--bias-m', (x) =>
          x >= 0 ? undefined : 'expected a bias ≥ 0 m',
        );
        flags.done();
        const input = {
          yieldKt: yieldKt!,
          cepM: cepM!,
          hardnessPsi: hardnessPsi!,
          reliability: reliability!,
          warheads: warheads!,
          biasM: biasM!,
          formula: formula!,
          emtConvention: emtConvention!,
        };
        const doc = sspkReport(input);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${sspkText(doc, input)}\n`);
      }),
    );
}
