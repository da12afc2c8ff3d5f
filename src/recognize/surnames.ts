// Chinese surnames (public knowledge: the common 百家姓 single surnames and the compound ones).
// Used to decide where a person name starts; never a list of people.
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝郜习海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由傅萧洪赖阎贝钮荀邴糜隗宓郗韶蓟苍莘逄郦璩濮郏宦庾暨殳蔚夔厍訾蒯竺桓钭羿汲';
const COMPOUND = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙',
  '宇文', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '万俟', '澹台', '公冶', '太史', '申屠', '钟离',
];

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set([...SINGLE]);
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(COMPOUND);

/** Length of the surname at the start of `s` (2 for compound, 1 for single), 0 if none. */
export function surnameLength(s: string): number {
  if (COMPOUND_SURNAMES.has(s.slice(0, 2))) return 2;
  return SINGLE_SURNAMES.has(s[0] ?? '') ? 1 : 0;
}
