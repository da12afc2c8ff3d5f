// The lexicon's public shape. General public knowledge only (see DESIGN.md): administrative
// divisions and their short names, XPCC divisions and regiments, the 19 supporters and their
// abbreviations, titles, organisation and project suffixes. Never names from the sample articles.
import type { RegionType } from '../types.js';

export interface Region {
  name: string; // full official name, simplified: 昌吉回族自治州, 新疆生产建设兵团第六师
  type: RegionType; // Province | Prefecture | County (XPCC divisions are Prefecture, regiments County)
  level: 'province' | 'prefecture' | 'county' | 'xpcc' | 'xpcc-division' | 'xpcc-regiment';
  code?: string; // GB/T 2260 code (6 digits) when it has one
  parent?: string; // full name of the parent region (county -> prefecture -> province)
  aliases: string[]; // short names and variants: 昌吉州, 昌吉; 六师, 农六师, 兵团第六师, 第六师
  /** (optional extra) XPCC divisions: the division number (第六师 -> 6); numbered regiments: 二二二团 -> 222. */
  number?: number;
}

export interface Supporter {
  name: string; // full official name of the supporting province/city: 山西省, 深圳市
  type: 'Province' | 'Prefecture';
  short: string; // 山西, 深圳
  abbr: string[]; // one-character abbreviations: 晋; 黑 and 龙 for 黑龙江
  /** Official pairing (public, 2010 central decision and later adjustments): full names of the regions it supports. */
  supports: string[];
}

export interface Lexicon {
  regions: Region[];
  /** Every region whose name or alias equals `surface` (several when ambiguous, e.g. 朝阳区). */
  lookupRegion(surface: string): Region[];
  regionByName(name: string): Region | undefined;
  /** (optional extra) The region with this GB/T 2260 code. */
  regionByCode?(code: string): Region | undefined;
  /** (optional extra) The parent region (county -> prefecture/division -> province/兵团). */
  parentOf?(region: Region): Region | undefined;
  /** (optional extra) The Province-type ancestor (or the region itself when it is one). */
  provinceOf?(region: Region): Region | undefined;
  /**
   * (optional extra) Xinjiang regions abbreviated by one character in pairing compounds
   * (浙阿, 豫哈, 鄂博, 深喀, 津和, 晋疆, 辽塔): 疆 -> 新疆维吾尔自治区; 阿 -> 阿克苏地区, 阿勒泰地区,
   * 阿拉尔市 (most likely first). [] when the character is no such abbreviation.
   */
  regionAbbr?(ch: string): Region[];
  supporters: Supporter[];
  supporterByName(nameOrShort: string): Supporter | undefined;
  supporterByAbbr(ch: string): Supporter | undefined;
  /** Titles and offices: 书记, 省委书记, 副省长, 指挥长, 援疆干部, 记者, ... */
  titles: string[];
  /** (optional extra) Map-based membership test for `titles`. */
  isTitle?(word: string): boolean;
  orgSuffixes: string[]; // 指挥部, 集团, 医院, 大学, 委员会, ...
  projectSuffixes: string[]; // 项目, 工程, 园区, 小学, 中心, ...
}
