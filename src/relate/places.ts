// Where a named facility is, read from its own name: 叶城县第二小学 -> 叶城县, 奎屯工业园 -> 奎屯市.
// Only for facilities (schools, hospitals, parks, projects): an exhibition or a campaign named
// after a place (天山风光摄影展, 某县干部素质提升工程) is about the place, not in it.
import type { Region } from '../lexicon/api.js';
import type { ArticleContext } from './context.js';

const FACILITY = /(学院|学校|小学|中学|大学|幼儿园|医院|卫生院|工业园|产业园|园区|物流园|科技园|观光园|中心|项目|工程|基地|农场|牧场|馆|厂|站|院区|校区|分院|商城|互市|口岸|广场|公园|大桥|水库|公路|铁路|电站|机组|新村|小区|书屋|楼|园|街区|定居点|市场)$/u;
const NOT_A_PLACE_NAME = /展|活动|交流月|节$|计划|行动|提升|培训|名校/u;

/** The region a facility's name starts with, when that is where the facility is. */
export function placeFromName(ctx: ArticleContext, label: string): Region | undefined {
  if (!FACILITY.test(label) || NOT_A_PLACE_NAME.test(label)) return undefined;
  let lead = ctx.leadingRegions(label);
  if (lead.length === 0) return undefined;
  if (lead.length > 1 && !ctx.isAncestor(lead[0]!.region.name, lead[1]!.region.name)) {
    // 和田市北京工业园区: a Xinjiang place, then the supporter the park is named after
    if (ctx.isXinjiang(lead[0]!.region.name) && !ctx.isXinjiang(lead[1]!.region.name)) lead = [lead[0]!];
    // 广东喀什产业园: supporter + partner, a pairing name, not a location prefix
    else return undefined;
  }
  const last = lead[lead.length - 1]!;
  if (last.region.type === 'Province') return undefined; // 新疆某某煤化工项目: a province names the owner, not the site
  if (/^[镇乡村]|^街道/u.test(label.slice(last.end))) return undefined; // 某某镇…: a town, not the county
  if (label.length - last.end < 2) return undefined;
  return last.region;
}
