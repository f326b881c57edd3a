/**
 * Phrase families that name a line's kind, in both scripts. Each rule is compiled once. A rule only
 * fires on lines short enough for the phrase to dominate them: a long paragraph that merely mentions
 * 版權所有 is article text (mixed lines count as content when most characters are the article's).
 */
import type { BoilerplateKind } from '../types';
import type { LineInfo } from './lines';
import { linkRowKind } from './rows';
import { normalizedPattern } from './normalizedPattern';
import { normalizeForMatching } from '../normalize';

export interface PhraseHit {
  kind: BoilerplateKind;
  /** A section heading (相關新聞, 網友評論): the lines under it take its kind. */
  heading: boolean;
  /** Ends the article body when it follows body text (copyright, editor, headings, tags, promo). */
  marker: boolean;
  /** Specific enough to flag even inside the article body. */
  inBody: boolean;
  /** Opens a section without being a heading (the site footer). */
  section: boolean;
}

interface Rule {
  kind: BoilerplateKind;
  re: RegExp;
  maxLen: number;
  heading?: boolean;
  marker?: boolean;
  inBody?: boolean;
  section?: boolean;
  /** Skip lines that end with a full stop (article sentences that mention the phrase). */
  notSentence?: boolean;
}

// Decoration around headings and buttons: brackets, arrows, bullets, "more" links.
const DECOR = /^[\s【】[\]「」『』<>《》»«▌■□●○◆◇▶►▼▸|｜:：>＞·•\-—_=*#]+|[\s【】[\]「」『』<>《》»«▌■□●○◆◇▶►▼▸|｜:：>＞·•\-—_=*#]+$/gu;
const MORE_TAIL = /(更多|換一換|换一换|查看更多|MORE|More|more)+$/u;

const H = '[\\p{Script=Han}A-Za-z]';
const RELATED_HEAD = new RegExp(
  `^${H}{0,6}?(` +
    [
      '相[關关](新[聞闻]|[閱阅][讀读]|推[薦荐]|文章|[報报][導导]|[鏈链]接|[連连][結结]|[專专][題题]|[視视][頻频]|[圖图]集|影音)',
      '推[薦荐]([閱阅][讀读]|新[聞闻]|文章|[視视][頻频]|[內内]容)?',
      '延伸[閱阅][讀读]',
      '[熱热]([門门]|[點点]|[讀读])(文章|新[聞闻]|推[薦荐]|[話话][題题]|[專专][題题]|排行|[資资][訊讯]|[視视][頻频]|[圖图]片|博客)?',
      '[熱热](文章|新[聞闻]|推[薦荐]|[話话][題题])',
      '猜你喜[歡欢]',
      '[你您]可能.{0,3}(喜[歡欢]|感[興兴]趣)(的(文章|新[聞闻]|[內内]容))?',
      '也[許许]您?[會会]?感[興兴]趣',
      '([閱阅][讀读]|[評评][論论]|[點点][擊击])?排行榜?',
      '看了又看',
      '([該该]|此)?作者(曾[經经])?([發发][過过]的|的?其[他它]|最近|最新|更多)的?(文章|博文|帖子|作品)',
      '大家都在看',
      '更多(新[聞闻]|精彩|[報报][導导]|文章|[視视][頻频])',
      '最新(新[聞闻]|文章|[資资][訊讯]|[報报][導导])',
      '[圖图]片(新[聞闻]|故事)',
      '[視视][頻频](新[聞闻]|推[薦荐])',
      '精彩([組组][圖图]|[圖图]集|推[薦荐]|[視视][頻频])',
      '[組组][圖图]',
      '往期回[顧顾]',
      '此前[報报][導导]',
      '[點点][擊击]進入[專专][題题]|[点][击]进入[专][题]',
      '[發发][燒烧][話话][題题]',
      '[專专][題题]([報报][導导])?',
    ].join('|') +
    ')$',
  'u',
);

const COMMENTS_HEAD = new RegExp(
  '^(' +
    [
      '(網友|网友|讀者|读者|全部|最[熱热新]|[熱热][門门]|精彩)?([評评][論论]|留言|跟[帖贴])(區|区|列表|广场|廣場|[內内]容)?([（(]?\\s*\\d*\\s*[條条]?[)）]?)',
      '([發发]表|我要|[發发]|寫|写|撰写|參與|参与)([評评][論论]|留言|意[見见]|跟[帖贴])',
      '我?[要來来]?(說說|说说|說兩句|说两句)',
      '(參與|参与)\\s*\\d+',
      '([網网]友|用[戶户])?[評评][論论]僅.{0,20}|[网]友评论仅.{0,20}',
      '留言(規則|规则|板)',
      '查看(全部|更多)?.{0,8}([評评][論论]|留言|跟帖)',
      '\\d+\\s*([條条]|人)?([評评][論论]|留言|跟帖|參與|参与)',
      '[評评][論论]\\s*\\d+',
    ].join('|') +
    ')$',
  'u',
);

const RULES: Rule[] = [
  // A heading over a site's rights notice (反侵权公告：, 免责声明：): the clauses under it are the
  // notice's. 版权声明 without a colon is a footer link.
  {
    kind: 'copyright',
    re: /^((反侵[權权](公告|[聲声]明)|侵[權权][聲声]明)\s*[：:]?|(版[權权]|免[責责])([聲声]明|[說说]明)\s*[：:])$/u,
    maxLen: 12,
    heading: true,
    marker: true,
    inBody: true,
  },
  // Copyright and disclaimers: specific wording, safe even inside the body when short.
  {
    kind: 'copyright',
    re: /版[權权]所有(?![者人])|©|Copyright|All Rights Reserved|[獨独]家稿件|[免][責责][聲声]明|^(特[别別]|重要|版[權权])?[聲声]明[：:]|本文(僅|仅)代表|[轉转]([發发]|載|载)(請|请)?注明(本文)?(出[處处]|[鏈链]接|[來来]源)|本(文|[網网]|站|[報报]|新[聞闻]|社|台|刊).{0,40}(未[經经]|不得|禁止|[請请]勿|嚴禁|严禁)/iu,
    maxLen: 160,
    marker: true,
    inBody: true,
  },
  {
    kind: 'copyright',
    re: /[未非][經经].{0,10}(授[權权]|許可|许可|同意).{0,16}(不得|禁止|請勿|请勿|嚴禁|严禁|不[許许准])|(不得|禁止|嚴禁|严禁|請勿|请勿|謝絕|谢绝|不[許许准]).{0,8}(轉載|转载|[轉转]貼|[轉转]贴|重製|翻印)|[轉转]([發发]|載|载)(請|请)?注明|[違违]者必究|[權权]利保留|[侵][權权]必究/u,
    maxLen: 50,
    marker: true,
    inBody: true,
  },
  {
    kind: 'editor',
    re: /^[[【(（]?\s*(責任?編輯|责任?编辑|責編|责编|編審|编审|校[對对]|審[核稿校]|审[核稿校]|值班[編编][輯辑]|主[編编]|文字[編编][輯辑]|美[編编]|監製|监制|[編编]\s*[輯辑]|[編编]譯|编译)\s*[：:｜|／/\s]/u,
    maxLen: 40,
    marker: true,
    inBody: true,
  },
  // Headings over ads and shop boxes (before the related headings: 商品推薦 is not a teaser list).
  {
    kind: 'promo',
    re: /^(商品推[薦荐]|好物推[薦荐]|[購购]物推[薦荐]|[贊赞]助(商|[廣广]告|[內内]容)|推[廣广](內容|内容|[連链]接)?|[廣广]告推[廣广]|特[別别]企[劃划])$/u,
    maxLen: 10,
    heading: true,
    marker: true,
  },
  // Related and comment section headings: the whole (short) line is the heading.
  { kind: 'related', re: RELATED_HEAD, maxLen: 16, heading: true, marker: true, inBody: false },
  { kind: 'comments', re: COMMENTS_HEAD, maxLen: 30, heading: true, marker: true, inBody: false },
  // A post's counters line ("阅读(370) | 评论(11)", "浏览：88 收藏：2"): the post is over.
  {
    kind: 'other',
    re: /(閱讀|阅读|瀏覽|浏览|點擊|点击|人氣|人气)\s*[(（:：]?\s*\d+.{0,24}(評論|评论|引用|收藏|轉載|转载|回[复覆])\s*[(（:：]?\s*\d+|(評論|评论|引用|收藏)\s*[(（:：]?\s*\d+.{0,24}(閱讀|阅读|瀏覽|浏览|點擊|点击)\s*[(（:：]?\s*\d+/u,
    maxLen: 80,
    marker: true,
    notSentence: true,
  },
  // A thread's total under a post ("已有1件评论", "共 11 篇评论 发表评论"): the article is over.
  {
    kind: 'comments',
    re: /^([《〈]?[^》〉]{1,40}[》〉])?\s*(已有|共)\s*\d[\d,]*\s*[條条篇件個个則则]?([評评][論论]|留言|回[复覆應应]|跟[帖贴])/u,
    maxLen: 60,
    heading: true,
    marker: true,
    // 截至发稿，该微博已有3000条评论。 is the article's sentence.
    notSentence: true,
  },
  // A forum reply's floor ("楼层： 第 2 楼", "第3樓"): the thread's replies start.
  {
    kind: 'comments',
    re: /^([樓楼]層|楼层)\s*[：:]|^第\s*\d+\s*[樓楼](?![盤盘房])/u,
    maxLen: 40,
    heading: true,
    marker: true,
    notSentence: true,
  },
  // The furniture of a comment thread: counts, reply and vote buttons, "13小时前". Opens a comments section.
  {
    kind: 'comments',
    re: /\d[\d,]*\s*[條条篇件]([評评][論论]|留言|跟[帖贴])|\d[\d,]*\s*人([參参]與|参与)|^(查看)?回[复覆]|[踩讚赞顶頂]\s*\d+|\d+\s*(分[钟鐘]|小[时時]|天)前$|^(查看|展[开開])(全部|更多)?\d*[條条]?回[复覆]|^\d+\s*[樓楼]$|^[樓楼]主$|^[网網]友[：:]?$/u,
    maxLen: 24,
    heading: true,
  },
  // A blog post's own apparatus: trackback links, "posted by X @ time", read counters.
  {
    kind: 'other',
    re: /^Trackback$|Trackback\)?\s*([鏈链]接|URL|地址|[：:])|引用通告|引用[地網网][址]|已被[閱阅][讀读]\s*\d+\s*次|[訪访][問问][統统][計计][：:]|^由\S{1,12}(張貼|张贴|[發发]表)\s*(@|[於于]\s*\d)|^Posted by|^(固定|永久)[鏈链]接|Permalink/iu,
    maxLen: 100,
    inBody: true,
    notSentence: true,
  },
  // A forum signature's label: what follows is the poster's signature.
  {
    kind: 'other',
    re: /^([個个]性)?([簽签]名)([檔档])?\s*[：:]?$|^[-—_=]{2,}\s*([簽签]名[檔档]?|signature)\s*[-—_=]*$/iu,
    maxLen: 16,
    heading: true,
    marker: true,
  },
  // A related heading with its first teaser on the same line ("延伸阅读：57岁小学肄业…").
  {
    kind: 'related',
    re: /^[[【]?(延伸[閱阅][讀读]|[擴扩]展[閱阅][讀读]|相[關关](新[聞闻]|[閱阅][讀读]|[報报][導导]|文章|[鏈链]接|[連连][結结])|推[薦荐][閱阅][讀读])[】\]]?\s*[：:]\s*\S/u,
    maxLen: 60,
    // Not a marker: inside an article such a box is often followed by the article's own subheadings,
    // which a box-shaped island would swallow.
    heading: true,
  },
  // An archive or recent-posts list: a bracketed date, then a title ("[2005-08-17] 无序列表").
  {
    kind: 'related',
    re: /^[[【(（]\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*[\]】)）]\s*\S/u,
    maxLen: 60,
  },
  // Tag and keyword lists.
  {
    kind: 'navigation',
    re: /^(關鍵字|关键字|關鍵詞|关键词|標籤|标签|Tags?|TAG|熱門關鍵字|跟[蹤踪])\s*[：:>》\s]/iu,
    maxLen: 120,
    marker: true,
  },
  {
    kind: 'navigation',
    re: /^(關鍵字|关键字|關鍵詞|关键词|標籤|标签|Tags?)\s*[：:]?$/iu,
    maxLen: 8,
    marker: true,
    // The tags on the lines under it belong to it.
    heading: true,
  },
  // Share and display buttons.
  {
    kind: 'share',
    re: /^(分享(到|至|給|给)?(朋友|好友)?|[轉转][發发]|[轉转][載载]|收藏|[讚赞]|[點点][讚赞]|按[讚赞]|喜[歡欢]|(友善)?[列打]印|字[體体級级號号型]([設设]定|大小)?|[大中小特]字[型體体]|[放缩縮][大小]字[體体號号]|A-?\s*A\+?|A[-+]|微博|微信|朋友圈|QQ空[間间]|QQ|Qzone|[騰腾][讯訊]QQ|新浪微博|Facebook|Line|Twitter|Weibo|Plurk|Telegram|WhatsApp|複製連結|复制链接|用LINE傳送|LINE分享|E-?mail|[郵邮]件|超大|標準|标准|小|中|大|特大)[：:\s\d+]*$/iu,
    maxLen: 16,
    inBody: true,
  },
  {
    kind: 'share',
    re: /^字[體体號号級级]\s*[：:]?\s*([大中小][\s|｜]*){2,}$|^[大中小]字[號号]$|^[【[]?字[體体號号][：:]/u,
    maxLen: 20,
    inBody: true,
  },
  {
    kind: 'share',
    re: /分享(到|至)|分享至好友|[掃扫]一[掃扫]分享|字[級级體体][設设]定|用微信[掃扫][描瞄]二[維维]?[碼码]|[點点][擊击]分享/u,
    maxLen: 24,
    inBody: true,
  },
  // Site footer: licence numbers, "about us", legal pages. These open the footer section.
  {
    kind: 'footer',
    re: /ICP|公[網网]安[備备]|[備备]案[號号編编]|[網网]站[備备]案|增值[電电]信|[經经][營营]許可|[经][营]许可|^[關关][于於](我[們们]|本站|本[網网]|\S{1,10})$|[聯联][絡络系]我[們们]|^[聯联][絡络系](信箱|[郵邮]箱)$|[隱隐]私(政策|[權权]|[條条]款|保[護护])|服[務务]([條条]款|[協协]議|协议)|使用[條条]款|[廣广]告服[務务]|刊登.{0,4}[廣广]告|[廣广]告(投放|合作|刊例)|[網网]站地[圖图]|[網网]站[總总][覽览]|不良信息|有害信息|About\s?Us|^About\s+[A-Za-z]+$|[網网]站[簡简]介|[網网]站律[師师]|法律[顧顾]問|法律顾问|投[資资]者[關关][係系]|Investor Relations|[誠诚][徵征]英才|^加入我[們们]$|爆料([專专][線线]|信箱|[郵邮]箱|投[訴诉])|^投[訴诉]|^(地址|[電电][話话]|[傳传]真|[郵邮][編编]|[郵邮]政[編编]碼|邮政编码)[：:]/iu,
    maxLen: 80,
    notSentence: true,
    section: true,
  },
  // The hotline notice names a paper (中時電子報關心您：…): checked before the promo words.
  {
    kind: 'other',
    re: /珍惜生命|再給自己一次機會|再给自己一次机会|[請请]給自己機會|[請请]给自己机会|关心您：|關心您：|自殺解決不了|自杀解决不了|^取消\s*(確認|确认)$/u,
    maxLen: 30,
    inBody: true,
  },
  // The label of an ad slot, alone on its line, even between two paragraphs.
  { kind: 'promo', re: /^([廣广]告|[贊赞]助|ADVERTISEMENT|Advertisement|AD|Ad)$/u, maxLen: 13, inBody: true },
  // Calls to follow, subscribe, download; ads.
  {
    kind: 'promo',
    re: /下[載载]\s*(“|「)?.{0,10}(APP|App|app|客[戶户]端)|(APP|App|app|客[戶户]端)\s*下[載载]|[電电]子[報报]|^(關注|关注)\s*\S{1,12}$|(關注|关注).{0,12}(公[眾众][號号]|微信|微博|粉[絲丝]|官方|[帳账][號号]|[頻频]道|抖音)|公[眾众][號号]|粉[絲丝](團|团|專頁|专页)|[掃扫][描瞄]|[掃扫]一[掃扫]|[掃扫]\s*[碼码]|二[維维][碼码]|[點点][擊击]([關关]注|[訂订][閱阅]|下[載载])|[訂订][閱阅](我[們们]|本|電子報|电子报|[頻频]道|YouTube)|加入.{0,10}(粉[絲丝]|[會会]員|会员|LINE|Line|line)|[註注][冊册].{0,12}[會会]員|想看完整[內内]容|成[為为].{0,4}[會会]員|廣告|广告|贊助|赞助|APP\s*>|立即下[載载]|[訂订][閱阅]/u,
    maxLen: 60,
    notSentence: true,
  },
  // An ad-blocker notice ("关闭拦截插件恢复正常").
  { kind: 'promo', re: /(攔截|拦截|屏蔽)(插件|外掛|[廣广]告)|[廣广]告(攔截|拦截|屏蔽)|AdBlock/iu, maxLen: 60, notSentence: true },
  // A lone follow or subscribe button.
  { kind: 'promo', re: /^[+＋]?\s*(關注|关注|訂閱|订阅|立即[訂订][閱阅]|追蹤|追踪)$/u, maxLen: 8 },
  // Any short line about the app ("打開APP 閱讀更多", "用APP看新聞").
  {
    kind: 'promo',
    re: /APP|App(?![a-z])/u,
    maxLen: 30,
    notSentence: true,
  },
  {
    kind: 'promo',
    re: /^[（(]本文來自.{0,20}(下載|關注)|^[（(]本文来自.{0,20}(下载|关注)/u,
    maxLen: 80,
    inBody: true,
  },
  // Links to the previous and next article: the body is over.
  {
    kind: 'navigation',
    re: /^(上一[篇頁页張张則则條条]|下一[篇頁页張张則则條条])([：:].*)?$/u,
    maxLen: 60,
    marker: true,
    inBody: true,
  },
  // Navigation words: whole-line menu items and pagers.
  {
    kind: 'navigation',
    re: /^(首[頁页]|[返回]+首[頁页]|回到[頁页]首|回到[頂顶]部|回到最上[面方]|返回[頂顶]部|[頂顶]部|上一[篇頁页張张則则]|下一[篇頁页張张則则]|[上下]一[篇頁页][：:].*|登[錄录入]|[註注][冊册]|[註注]册|登[錄录入]\s*[|/／]\s*[註注][冊册]|[退]出|搜[索尋寻]|更多|[當当]前位置.*|您的位置.*|所在位置.*|[導导][航覽览]|網站導覽|网站导航|English|繁[體体]|[簡简][體体]|繁[體体]中文|[簡简][體体]中文|正文|余下全文|[閱阅][讀读]全文|查看全文|展[開开]全文|[閱阅][讀读]更多|加[載载]更多|[點点][擊击]加[載载]更多|[點点][擊击][查]看更多|加[載载]中\.*|[一]?[鍵键]登[錄录入]|正在[閱阅][讀读][：:].*|[打列]印本[頁页]|[關关]閉[視视]窗|[关]闭窗口|[關关]閉|[关]闭|[×✕✖xX])$/u,
    maxLen: 60,
    inBody: false,
  },
  // A link to more of the channel ("点击阅读更多精彩财经新闻"), alone on its line.
  { kind: 'navigation', re: /^[點点][擊击](這裡|这里)?([閱阅][讀读]|查看|看|瀏覽|浏览)更多/u, maxLen: 24, inBody: true },
  // Weaker footer words that also appear in mid-page boxes (投稿, 客服, hotlines).
  {
    kind: 'footer',
    re: /招聘|客服|意[見见]反[饋馈]|[歡欢]迎批[評评]指正|[舉举][報报](中心|[電电][話话]|[郵邮]箱|[專专]区|[專专]區)|投稿|[服][務务][電电][話话]|[熱热]線|热线|[傳传]真[：:]/iu,
    maxLen: 80,
    notSentence: true,
  },
  // Image captions and credits.
  {
    kind: 'image-caption',
    re: /^[（(]?[圖图][／/:：]|[（(][圖图][／/]|[圖图]片?[來来]源[：:]|^[圖图]源[：:]|^[圖图]片[：:]|^[資资]料[照圖图]|[資资]料[照圖图]片?[）)]?$|[視视][覺觉]中[國国]$|[攝摄]影[：:／/]|[攝摄][）)]?$|^[▲△]|Getty\s?Images|Shutterstock|[東东]方IC|供[圖图][）)]?$|翻[攝摄]|[（(][圖图]\d+[）)]$|^[圖图]\s?\d+[：:\s]|^[视視][频頻][-－：:]|^[點点][擊击](查看|看|放大|[檢检]視)大?[圖图]/u,
    maxLen: 120,
    inBody: true,
  },
  // Legally required suicide-prevention notices, "continue reading" and browser notices.
  {
    kind: 'other',
    re: /(自殺|自杀).{0,14}(專線|专线|防治)|生命[線线].{0,6}\d|張老師.{0,6}\d|张老师.{0,6}\d|安心專線|[請请][繼继][續续]往下[閱阅][讀读]|尚餘\d+篇|[瀏浏][覽览]器.{0,20}(版本|升[級级]|更新)|親愛的網友|亲爱的网友|^我要反[馈饋]$|^[舉举][報报]/u,
    maxLen: 60,
    inBody: true,
  },
];

/** Lines that state the article's own metadata: never boilerplate by position alone. */
export const ARTICLE_META =
  /^[（(【[]?\s*(原[標标][題题]|原[題题]|(本文|信息|稿件|文章|新[聞闻])?[來来]源|作者|[記记]者|文[／/]|撰文|[綜综]合|[發发][布佈][時时][間间]|出版[時时][間间]|建立[時时][間间]|更新[時时][間间]|最[后後]更新|[時时][間间][：:]|[發发][布佈表][於于])|(記者|记者|通[讯訊]員|通讯员|特派員|特派员)\s*\S{2,4}([／/\s]|[)）]|$)|^[（(][^（）()]{1,12}[)）]$|^\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}|^\d{1,2}:\d{2}|^[（(]?完[)）]?$|^[《〈][^》〉]{2,16}[》〉]\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(第?\s*\d{1,3}\s*版)?\s*[)）]$|^(索\s*引\s*[号號]|[發发]\s*文\s*(機\s*關|机\s*关|字\s*[号號])|成\s*文\s*日\s*期|[發发]\s*[布佈]\s*(日\s*期|機\s*構|机\s*构)|主\s*[題题]\s*(分\s*[类類]|[詞词])|文\s*[号號]|[標标]\s*[題题])\s*[：:]/u;

/**
 * A heading written one character per line in a narrow sidebar (今 / 日 / 推 / 薦): each line of such a
 * run gets the heading's hit when the joined word is a heading. Linear: each line is visited once.
 */
export function verticalHeadings(infos: LineInfo[], phrases: (PhraseHit | null)[]): void {
  const tried = new Map<string, PhraseHit | null>();
  let i = 0;
  while (i < infos.length) {
    if (infos[i].blank || infos[i].len !== 1 || infos[i].han !== 1) {
      i++;
      continue;
    }
    const run: number[] = [];
    let j = i;
    for (; j < infos.length && run.length <= 8; j++) {
      if (infos[j].blank) continue;
      if (infos[j].len !== 1 || infos[j].han !== 1) break;
      run.push(j);
    }
    if (run.length >= 2) {
      let word = '';
      for (const k of run) word += infos[k].text;
      let hit = tried.get(word);
      if (hit === undefined) tried.set(word, (hit = phraseKind({ ...infos[run[0]], text: word, len: word.length, han: word.length })));
      if (hit?.heading) for (const k of run) phrases[k] = hit;
    }
    i = Math.max(j, i + 1);
  }
}

/** Strip bullets, brackets and "more" links around a heading or a button. */
export function bare(text: string): string {
  return text.replace(DECOR, '').replace(MORE_TAIL, '').replace(DECOR, '');
}

/** The rules rewritten once for the normalised text (Simplified, half-width): built on first use. */
let normalizedRules: Rule[] | undefined;

/**
 * The kind a line's wording names, or null. The rules read the normalised line (`norm`, the line of
 * `article.normalized`; normalised here when absent), so each is written once and matches either script.
 */
export function phraseKind(info: LineInfo, norm?: string): PhraseHit | null {
  if (info.blank || info.len > 160) return null;
  normalizedRules ??= RULES.map((r) => ({ ...r, re: normalizedPattern(r.re) }));
  const text = norm ?? normalizeForMatching(info.text);
  let b: string | null = null;
  for (const r of normalizedRules) {
    if (info.len > r.maxLen) continue;
    if (r.notSentence && /[。．]$/u.test(info.text)) continue;
    const subject = r.heading || r.kind === 'share' || r.kind === 'navigation' || r.kind === 'footer' ? (b ??= bare(text)) : text;
    if (subject.length === 0) continue;
    if (r.re.test(subject)) {
      // "熱門", "專題", "推薦" alone are menu tabs, not a heading over a list.
      if (r.kind === 'related' && r.heading && subject.length <= 2) {
        return { kind: 'navigation', heading: false, marker: false, inBody: false, section: false };
      }
      return { kind: r.kind, heading: !!r.heading, marker: !!r.marker, inBody: !!r.inBody, section: !!r.section };
    }
  }
  const row = linkRowKind(info.text);
  // A menu bar is never inside the body; a row of page buttons ([打印] [关闭]) may sit under the headline.
  // A footer's link row opens the footer, like footer wording.
  if (row) return { kind: row, heading: false, marker: false, inBody: row === 'share', section: row === 'footer' };
  return null;
}

const CRUMB_SEP = /\s*(?:>>|>|＞|»|›|\/|／|\\)\s*/u;
/** "udn / 社會 / 焦點事件", "国内新闻>正文", "> 中南海": short segments joined by separators. */
export function isBreadcrumb(text: string): boolean {
  if (text.length > 60 || !CRUMB_SEP.test(text)) return false;
  const parts = text.split(CRUMB_SEP).filter((p) => p.length > 0);
  if (parts.length === 0) return /^[>＞»›]+$/u.test(text);
  return parts.every((p) => p.length <= 12 && !/^\d+$/.test(p) && !/[。，！？]/u.test(p)) && !/\d{1,4}\s*[/／]\s*\d{1,2}/.test(text);
}
