/**
 * The letter undocs was founded on: a joint General Assembly / Security Council letter dated 1 October
 * 2020 from the Permanent Representative of Azerbaijan, distributed 16 October 2020. The words are the
 * letter's own, copied from the project's seed text so that the generator needs nothing outside the
 * repository. The seed text lost the symbol line and the page furniture, so this sample has no symbol
 * (none at the top right, none in the running headers) and its page breaks are undocs' own. Footnote 1's
 * marker follows "either destroyed or damaged." as in the original.
 */
import type { SampleDocument } from './model.js';

const TITLE =
  'Letter dated 1 October 2020 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General';

const AGENDA_TITLES = [
  'Protracted conflicts in the GUAM area and their implications for international peace, security and development',
  'The situation in the occupied territories of Azerbaijan',
  'The rule of law at the national and international levels',
  'The responsibility to protect and the prevention of genocide, war crimes, ethnic cleansing and crimes against humanity',
];

const PARAGRAPHS = [
  'On 27 September 2020, the armed forces of Armenia subjected the positions of the armed forces of Azerbaijan along the front line and the adjacent populated areas in Azerbaijan to intensive fire, with the use of large-calibre weapons, artillery and mortars. These acts have resulted in numerous deaths and injuries among civilians and military. Extensive damage was inflicted upon the civilian property and infrastructure in the area.',
  "The current outbreak of hostilities has become the consequence of Armenia's policy to derail the peace process, its inflammatory and warmongering statements and consistent provocations on the ground, including the deliberate attacks in April 2016 and July 2020, the incursion of the sabotage-reconnaissance group into the territory of Azerbaijan this August and purposeful actions aimed at changing the demographic, cultural and physical character of the occupied territories of Azerbaijan with a view to their colonization and annexation.",
  "The lack of adequate reaction of the international community to provocations, aggressive actions and unlawful activities by Armenia, notorious double standards and selectivity with regard to the universally recognized obligations and commitments under international law only contributed to Armenia's sense of impunity and permissiveness.",
  'The act of aggression resorted to by Armenia on 27 September is yet another blatant violation of the Charter of the United Nations, fundamental norms and principles of international law, international humanitarian law and the relevant resolutions of the Security Council and the General Assembly.',
  'In the statement of 27 September 2020, the Secretary-General expressed extreme concern over the resumption of hostilities, condemned the use of force and regretted the loss of life and the toll on the civilian population.',
  'However, the armed forces of Armenia continue to deliberately target the civilian population and civilian objects in Azerbaijan. Even hospitals, medical facilities, ambulances, schools and kindergartens are not spared. Thus, the medical facilities in the Aghdam and Fizuli districts, the school in the Tazakend village of the Aghdam district, the School No. 1 in the Shikharkh settlement of the Tartar village and the Lyceum No. 2 in the Tartar district were damaged as a result of the artillery and mortar fire. As at 1 October 2020, 19 Azerbaijani civilians, including children and elderly, had been killed and 55 wounded, and 169 houses and 40 private civilian objects either destroyed or damaged.[^1]',
  'On the morning of 1 October 2020, the armed forces of Armenia subjected the Tartar city of Azerbaijan to heavy artillery fire. As a result, one civilian was killed by shrapnel fragments of shell that hit the Tartar city bus station. The bus station was severely damaged. In the morning hours, the territory of Azerbaijan came under rocket fire also from the Gorus district of Armenia. The rockets hit the front line in the Jabrayil-Fizuli area. As a result of another rocket fire, nearly 20 houses were damaged in the newly built internally displaced persons village of Jojug Marjanli, which had been liberated from Armenian occupants in 2016.',
  'These acts constitute grave breaches of international humanitarian law, for which Armenia bears liability under international law and which also incur individual criminal responsibility, requiring resolute action by the United Nations, its relevant organs and mechanisms, Member States, other relevant international organizations and the international community as a whole to ensure accountability.',
  "In order to repulse the aggression and ensure the safety of the civilian population, the armed forces of Azerbaijan have undertaken counter-offensive operations, in the exercise of the right to self-defence and in full compliance with international humanitarian law. In that regard, it should be particularly stressed that, as with all previous military actions during the war, the current hostilities are also taking place exclusively on Azerbaijan's sovereign soil. The Republic of Azerbaijan has no land claims to any State, but will not yield an inch of its territory to anyone.",
  'As at 30 September 2020, a part of the occupied territories of Azerbaijan had been liberated, about 2,300 servicemen of the armed forces of Armenia had been killed or wounded, and about 146 tanks and other armoured vehicles, more than 200 artillery pieces, multiple rocket launch systems, grenade launchers, about 25 air defence systems, an S-300 anti-aircraft missile system, 6 command and command observation posts, 5 ammunition depots, about 50 anti-tank weapons and 55 military vehicles had been destroyed. Two Armenian Su-25 "Frogfoot" ground-attack aircraft hit a mountain and exploded.',
  'The very fact of the deliberate targeting of civilians and the deployment of such a large number of troops and armaments in the sovereign territory of Azerbaijan proves that Armenia is the aggressor and that all public pronouncements of Armenia about its alleged adherence to ceasefire and peaceful settlement are nothing other than a hollow rhetoric and smokescreen to camouflage the clear-cut annexationist objectives.',
  'As is known, the Security Council was actively seized of the matter from 1992 to 1995. On 12 May 1992, the Council adopted its first presidential note (S/23904), following the seizure of Shusha, the largest Azerbaijani-populated city and administrative centre in Nagorny Karabakh. However, despite the demands of the Council “to bring the violence to an end”, on 18 May 1992, following direct artillery bombardment from within the territory of Armenia, Lachyn, the district situated between Armenia and the Nagorno-Karabakh region of Azerbaijan and populated by the Azerbaijanis, was occupied.',
  'By the end of 1992, two other presidential notes – S/24493 (26 August 1992) and S/24721 (27 October 1992) – were adopted by the Security Council. However, neither those measures within the Council nor the efforts of the Conference on Security and Cooperation in Europe prevented the spiralling of the war. Armenian attacks had continued.',
  'In 1993, the Security Council adopted four resolutions (822 (1993), 853 (1993), 874 (1993) and 884 (1993)), condemning the use of force against Azerbaijan and the occupation of its territories and reaffirming respect for the sovereignty and territorial integrity of Azerbaijan, the inviolability of international borders and the inadmissibility of the use of force for the acquisition of territory. In response to territorial claims and forcible actions, the Council confirmed that the Nagorno-Karabakh region was an integral part of Azerbaijan and demanded the immediate, complete and unconditional withdrawal of Armenian occupying forces from all the occupied territories of Azerbaijan. From 1993 to 1995, the Council also adopted three presidential notes (S/25199, dated 29 January 1993; S/25539, dated 6 April 1993; S/26326, dated 18 August 1993) and one presidential statement (S/PRST/1995/21, dated 26 April 1995).',
  'The resolutions of the Security Council are clearly the most authoritative and binding decisions on the problem adopted so far, with no date of expiration. However, the resolutions have not been implemented. Moreover, during the period since their adoption, attempts to depart from key commitments and obligations contained therein have only contributed to deepening mistrust and thus to making the prospect of political settlement elusive. The mediation efforts conducted for almost 30 years within the framework of the Organization for Security and Cooperation in Europe have yielded no results.',
  'The Republic of Azerbaijan has repeatedly brought to the attention of the international community that the continuation of Armenia’s aggression and its unlawful presence in the occupied territories of Azerbaijan are the main causes of the war and the reoccurring escalations on the ground. The Republic of Azerbaijan has also consistently stated that, as a country suffering from occupation of its territories and forcible displacement of hundreds of thousands of its citizens, it is the most interested party in finding a soonest and durable settlement of the conflict.',
  'In contrast, having used military force to occupy the territories of Azerbaijan, repeatedly violated the ceasefire and resorted to armed provocations, Armenia has demonstrated its firm conviction in the existence of an alternative to peace and political solution. The simple cause of that was that Armenia’s territorial claims and military actions had been aimed from the very beginning at seizing the territories by means of force. Since the cessation of hostilities in 1994, Armenia has never engaged faithfully in negotiations. The only purpose pursued by Armenia was to consolidate the occupation and achieve the annexation of the territories of Azerbaijan under the cover of ceasefire and peace process.',
  'The achievement of peace, security and stability demand, first and foremost, the immediate, complete and unconditional withdrawal of the Armenian armed forces from all the occupied territories of Azerbaijan, the restoration of the territorial integrity of Azerbaijan within its internationally recognized borders and the return of the internally displaced persons to their homes and properties.',
  'Yet, in 1994, the then Secretary-General stated the following:',
  '“The position of the United Nations is based on four principles which have been mentioned in the different resolutions of the Security Council. The first principle is the territorial integrity of Azerbaijan; the second principle is the inviolability of the international boundaries; the third principle is the inadmissibility of the use of force for the acquisition of territory; and the fourth principle is the immediate and unconditional withdrawal of all foreign troops from occupied territories of Azerbaijan” (press release SG/SM/5460, dated 31 October 1994). This constitutes the basis for the conflict resolution.',
  'I should be grateful if you would have the present letter circulated as a document of the General Assembly, under agenda items 35, 40, 86 and 135, and of the Security Council.',
];

export const seedLetter: SampleDocument = {
  file: 'seed-letter-azerbaijan-2020.pdf',
  lang: 'en-US',
  size: 'LETTER',
  infoTitle: TITLE,
  infoSubject: 'undocs sample: typeset from the text of the original letter',
  masthead: {
    kind: 'modern',
    unitedNations: 'United Nations',
    organs: ['General Assembly', 'Security Council'],
    symbol: null,
    rightColumn: ['Distr.: General', '16 October 2020', '', 'Original: English'],
    left: [
      { text: 'General Assembly', bold: true },
      { text: 'Seventy-fifth session', bold: true },
      { text: 'Agenda items 35, 40, 86 and 135' },
      ...AGENDA_TITLES.map((text) => ({ text, bold: true, gapBefore: 6 })),
      { text: 'Security Council', bold: true, gapBefore: 6 },
      { text: 'Seventy-fifth year', bold: true },
    ],
  },
  runningHeader: [],
  noteStyle: 'superscript',
  noteSeparator: 'underscores',
  footnotes: { '1': 'Photo evidence on file with the Secretariat and available for consultation.' },
  starNotes: [],
  body: [
    { kind: 'title', text: TITLE },
    ...PARAGRAPHS.map((text) => ({ kind: 'para' as const, text })),
    {
      kind: 'signature',
      signature: {
        signed: 'Signed',
        givenName: 'Yashar',
        surname: 'Aliyev',
        titles: ['Ambassador', 'Permanent Representative'],
      },
    },
  ],
  footer:
    'undocs sample document: typeset by undocs from the text of the original letter, not a United Nations print',
  expected: {
    file: 'seed-letter-azerbaijan-2020.pdf',
    symbols: [],
    distribution: 'General',
    date: '2020-10-16',
    originalLanguage: 'English',
    language: 'en',
    organs: ['General Assembly', 'Security Council'],
    sessions: [
      { organ: 'General Assembly', session: 'Seventy-fifth session' },
      { organ: 'Security Council', session: 'Seventy-fifth year' },
    ],
    agendaRaw: 'Agenda items 35, 40, 86 and 135',
    agendaItems: ['35', '40', '86', '135'],
    agendaTitles: AGENDA_TITLES,
    title: TITLE,
    subtitles: [],
    signatories: [{ name: 'Yashar Aliyev', titles: ['Ambassador', 'Permanent Representative'] }],
    footnoteCount: 1,
    firstFootnote: 'Photo evidence on file with the Secretariat and available for consultation.',
    starNotes: [],
    pageCount: 4,
  },
};
