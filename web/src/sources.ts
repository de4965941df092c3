/**
 * The data each view shows and where it comes from: bibliographic citations
 * (kept in their original language, like strategy and scenario names) and
 * the data files behind them, as data/SOURCES.md records them. The help
 * panel of each view lists them, with links to the model documents.
 */

export const CITATIONS = {
  nmc: 'Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, Uncertainty, and Major Power War, 1820-1965." In Bruce Russett (ed.), Peace, War, and Numbers. Beverly Hills: Sage, 19–48. Greig, J. Michael, and Andrew J. Enterline. 2021. Correlates of War Project National Material Capabilities (NMC) Data Documentation, Version 6.0 (data/cow_nmc_v6.0_abridged.csv).',
  states:
    'Correlates of War Project. 2017. "State System Membership List, v2016" and "Major Powers, v2016" (data/cow_states2016.csv, data/cow_majors2016.csv).',
  wdi: 'World Bank, World Development Indicators: GDP (current US$) and population (data/wb_gdp_current_usd.csv, data/wb_population.csv).',
  naturalEarth: 'Natural Earth, Admin 0 – Countries, 1:110m (public domain), via world-atlas 2.0.2.',
  atop: 'Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28: 237–260 (ATOP v5.1).',
  cowAlliances:
    'Gibler, Douglas M. 2009. International Military Alliances, 1648–2008. Washington, DC: CQ Press (COW alliances v4.1).',
  mid: 'Palmer, Glenn, et al. 2022. "The MID5 Dataset, 2011–2014: Procedures, coding rules, and description." Conflict Management and Peace Science 39(4): 470–482 (COW MID v5.0).',
  rivalries:
    'Thompson, William R., and David Dreyer. 2012. Handbook of International Rivalries, 1494–2010. Washington, DC: CQ Press.',
  unga: 'Voeten, Erik, Anton Strezhnev, and Michael Bailey. United Nations General Assembly Voting Data (roll calls 1946–2019; ideal points, July 2025 release).',
  forces:
    'Concert default forces and missile defences, 2017 (data/forces-2017.json): every figure cites a source of the compilation (e.g. the Bulletin of the Atomic Scientists Nuclear Notebook, SIPRI Yearbook 2017, IISS The Military Balance 2017), a derivation, or a stated assumption.',
  kentThaler:
    'Kent, Glenn A., and David E. Thaler. 1989. First-Strike Stability: A Methodology for Evaluating Strategic Forces. Santa Monica, CA: RAND, R-3765-AF.',
  axelrod: 'Axelrod, Robert. 1984. The Evolution of Cooperation. New York: Basic Books.',
  axelrodLibrary:
    'Knight, Vincent, et al. 2016. "An Open Framework for the Reproducible Study of the Iterated Prisoner’s Dilemma." Journal of Open Research Software 4(1): e35 (the Axelrod library, whose strategy names Concert uses).',
  charter:
    'Charter of the United Nations, Art. 23 and 27 (as amended by General Assembly resolution 1991 A (XVIII), in force 31 August 1965); reform proposals as cited in data/unsc/.',
  shapleyShubik:
    'Shapley, L. S., and Martin Shubik. 1954. "A Method for Evaluating the Distribution of Power in a Committee System." American Political Science Review 48(3): 787–792.',
  banzhaf:
    'Banzhaf, John F. 1965. "Weighted Voting Doesn’t Work: A Mathematical Analysis." Rutgers Law Review 19: 317–343.',
  scenarios:
    'The scenarios and every assumption they make: scenarios/*.yaml (each file’s description) and docs/scenarios.md.',
  cowTrade:
    'Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. 2009. "Trading Data: Evaluating our Assumptions and Coding Rules." Conflict Management and Peace Science 26(5): 471–491; Barbieri, Katherine, and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data Set Codebook, Version 4.0 (dyadic and national trade 1870–2014, current million US$, goods only; data/cow_trade_dyadic_v4.0_ndy_abridged.csv.gz, data/cow_trade_national_v4.0_abridged.csv).',
  maddison:
    'Bolt, Jutta, and Jan Luiten van Zanden. 2020. "Maddison style estimates of the evolution of the world economy. A new 2020 update." Maddison Project Working Paper WP-15, University of Groningen (Maddison Project Database 2020, via Our World in Data; data/maddison_project_2020_owid.csv).',
  onealRussett:
    'Oneal, John R., and Bruce M. Russett. 1997. "The Classical Liberals Were Right: Democracy, Interdependence, and Conflict, 1950–1985." International Studies Quarterly 41(2): 267–294.',
  barbieri:
    'Barbieri, Katherine. 1996. "Economic Interdependence: A Path to Peace or a Source of Interstate Conflict?" Journal of Peace Research 33(1): 29–49.',
  acr: 'Arkolakis, Costas, Arnaud Costinot, and Andrés Rodríguez-Clare. 2012. "New Trade Models, Same Old Gains?" American Economic Review 102(1): 94–130.',
  coreInterests:
    'Concert, Core interests of the P5, 2017 (data/core-interests-2017.yaml): every position and salience is an assumption that cites the statement or document it reads (white papers, national security strategies, treaties, official statements) and carries a plausible range; capabilities are COW NMC v6.0 CINC for 2016.',
  ktab: 'KAPSARC Toolkit for Behavioral Analysis (KTAB), Spatial Model of Politics (SMP), MIT licence (examples/smp); Scholz, Jason B., Gregory J. Calbert, and Glen A. Smith. 2011. "Unravelling Bueno De Mesquita’s group decision model." Journal of Theoretical Politics 23(4): 510–531.',
  buenoDeMesquita:
    'Bueno de Mesquita, Bruce. 1994. "Political Forecasting: An Expected Utility Method." In Bruce Bueno de Mesquita and Frans N. Stokman (eds.), European Community Decision Making. New Haven: Yale University Press, 71–104.',
} as const;

export type Citation = keyof typeof CITATIONS;
