/**
 * What the legacy checks know about the meaning of a statistics table's rows
 * (domain.md, "What a serious check covers", families 2 and 4). The engine in
 * lib/checks/shared/ (legacy-evaluation.ts, sections.ts, mismatches.ts), reported
 * by lib/checks/legacy-rule.ts and lib/checks/cross-table-rule.ts, is generic; the
 * meaning lives here, so a new provincial variant is a new line, not new code.
 * Label patterns are matched against a row's label with its numbering removed,
 * normalised (lib/text/normalise.ts normalizeLabel).
 */

/** A breakdown that is a partition by the template's meaning: its parts must add up (error). */
export interface LegacyPartition {
  /** Canonical key of the whole. */
  total: string;
  /** Canonical keys of the parts, or `numbered`: the whole's numbered children (not its `其中` rows). */
  parts: string[] | 'numbered';
  /** The identity as a reader knows it, for the message. */
  zh: string;
  en: string;
}

export const LEGACY_PARTITIONS: LegacyPartition[] = [
  {
    total: 'legacy.apply.received',
    parts: [
      'legacy.apply.received.inPerson',
      'legacy.apply.received.fax',
      'legacy.apply.received.online',
      'legacy.apply.received.letter',
      'legacy.apply.received.other',
    ],
    zh: '收到申请数应等于当面、传真、网络、信函及其他方式申请数之和',
    en: 'requests received should equal those made in person, by fax, online, by letter and otherwise',
  },
  {
    total: 'legacy.apply.closed',
    parts: ['legacy.apply.closed.onTime', 'legacy.apply.closed.extended'],
    zh: '申请办结数应等于按时办结数与延期办结数之和',
    en: 'requests closed should equal those closed on time plus those extended',
  },
  {
    total: 'legacy.apply.answered',
    parts: 'numbered',
    zh: '申请答复数应等于其下各类答复数之和',
    en: 'requests answered should equal the sum of the kinds of answer listed under it',
  },
  {
    total: 'legacy.review.total',
    parts: ['legacy.review.upheld', 'legacy.review.corrected', 'legacy.review.other'],
    zh: '行政复议数量应等于维持、纠错与其他情形之和',
    en: 'administrative reviews should equal those upheld, corrected and otherwise concluded',
  },
  {
    total: 'legacy.litigation.total',
    parts: ['legacy.litigation.upheld', 'legacy.litigation.corrected', 'legacy.litigation.other'],
    zh: '行政诉讼数量应等于维持、纠错与其他情形之和',
    en: 'lawsuits should equal those upheld, corrected and otherwise concluded',
  },
  {
    total: 'legacy.staff.total',
    parts: ['legacy.staff.fullTime', 'legacy.staff.partTime'],
    zh: '工作人员数应等于专职与兼职人员数之和',
    en: 'staff should equal full-time plus part-time staff',
  },
];

/**
 * Breakdowns whose parts may overlap by design: the same item published on
 * several channels counts once in the total, as the label itself says
 * (不同渠道和方式公开相同信息计1条). Their parts are never summed; a single
 * part above the whole is still impossible and is a warning.
 */
export const OVERLAPPING_BREAKDOWNS = {
  /** The parent's own label says so, or names channels / responses. */
  parentLabel: /不同(渠道|方式)|计1(条|次)|渠道|回应|解读/,
  /** The 主动公开 total's children are publication channels. */
  parentKeys: ['legacy.active.total'],
  /** Every child is a channel: 通过…公开. */
  childLabel: /^通过/,
};

/**
 * Items whose numbered children are not parts of it: a budget beside the
 * money spent, fees charged beside fees waived, meetings beside trainees.
 */
export const NOT_A_BREAKDOWN = /经费|费用|收费|预算|会议|培训/;

/**
 * A breakdown printed under a section row (which has no figure of its own)
 * whose whole is another row of the table, and which a second table of the
 * report may repeat (seed 002's 申请来源 table).
 */
export interface LegacySection {
  /** The section's name as printed, e.g. 申请来源. */
  name: string;
  nameEn: string;
  /** The section row of a statistics table, or the header of a table of its own. */
  label: RegExp;
  /** Canonical key of the whole the section's rows add up to. */
  total: string;
  /** The row of a table of its own that states that whole. */
  totalRow: RegExp;
}

export const LEGACY_SECTIONS: LegacySection[] = [
  {
    name: '申请来源',
    nameEn: 'sources of requests',
    label: /^申请(来源|人(类型|构成))/,
    total: 'legacy.apply.received',
    totalRow: /(申请(总数|总计|合计|数合计))$|^(合计|总计|小计)$/,
  },
];

/** Columns of a table of its own that hold shares, not counts. */
export const SHARE_COLUMN = /占比|比例|比重|百分比|%/;

/**
 * `其中` rows that are disjoint reasons of their parent: each refusal counted
 * by 不同意公开答复数 is listed under the one ground it was refused on, so
 * the grounds together cannot exceed the refusals (an error), whereas other
 * `其中` rows may overlap (their sum above the parent is only a warning).
 * A group is disjoint when its parent and every one of its rows match.
 */
export interface DisjointSubsets {
  parent: RegExp;
  /** One pattern per known reason; a row matching none makes the group an ordinary one. */
  members: RegExp[];
  /** What the rows are, for the message. */
  zh: string;
  en: string;
}

export const DISJOINT_SUBSETS: DisjointSubsets[] = [
  {
    parent: /不同意公开/,
    members: [
      /国家秘密/,
      /商业秘密/,
      /个人隐私/,
      /^危及/,
      /^(不是|非)《?条例》?所指/,
      /法律法规规定的其他情形/,
    ],
    zh: '不予公开的理由',
    en: 'grounds of refusal',
  },
];
