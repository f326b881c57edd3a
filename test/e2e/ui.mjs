// UI test in a real browser: the packaged .vsix installed into code-server (VS Code 1.96.4) with its own CLI,
// Debian Chromium driven by playwright-core, checks what a person sees: coloured entity spans, the hover
// widget, the Problems panel, a quick fix from the light-bulb menu, the file saved to disk.
// Screenshots: test-output/ui-hover.png (colours, hover, Problems panel), ui-annotate.png, ui-before-fix.png, ui-quickfix-menu.png,
// ui-after-fix.png
// (+ ui-failure.png); SCREENSHOT=1 copies ui-hover.png to images/screenshot.png for the README.
// Usage (repo root, after npm run package): node test/e2e/ui.mjs     Env: KEEP=1, E2E_DIR, SCREENSHOT=1 (copy to images/)
import fs from 'node:fs';
import path from 'node:path';
import {
  FIXTURE, GOLD, OUTPUT, ROOT, VSIX, cleanup, codeServerCli, isolatedEnv, launchChromium, log, missingTools, scratch,
  startCodeServer, summary, waitUntil, writeUserSettings,
} from './lib.mjs';

const missing = missingTools(['code-server', 'chromium', 'vsix']);
if (missing.length) {
  console.error(`ui suite cannot run, missing:\n  ${missing.join('\n  ')}`);
  summary(0, 1);
  process.exit(1);
}

const dir = scratch('ui');
const d = Object.fromEntries(['ud', 'exts', 'ws', 'chrome'].map((k) => [k, path.join(dir, k)]));
Object.values(d).forEach((p) => fs.mkdirSync(p, { recursive: true }));
const original = fs.readFileSync(FIXTURE, 'utf8');
const originalLines = original.split('\n');
const gold = JSON.parse(fs.readFileSync(GOLD, 'utf8'));
const contentLines = gold.content.map((n) => originalLines[n - 1]);
const SITE_TITLE = originalLines[12]; // 1-based line 13, repeated on line 27
const articleFile = path.join(d.ws, 'seed.news.txt');
fs.writeFileSync(articleFile, original);
writeUserSettings(d.ud, { 'editor.wordWrap': 'off', 'files.autoSave': 'off' });
fs.mkdirSync(OUTPUT, { recursive: true });
const env = isolatedEnv(dir);
const csArgs = ['--user-data-dir', d.ud, '--extensions-dir', d.exts, '--disable-telemetry'];

const results = [];
let passed = 0;
let failed = 0;
/** One named check: a failure is recorded with its message and the run goes on where it can. */
async function check(name, fn) {
  const t = Date.now();
  try {
    const detail = await fn();
    passed++;
    results.push(name);
    console.log(`ok   - ${name}${detail ? `: ${detail}` : ''} (${Date.now() - t} ms)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`FAIL - ${name}: ${String(e.message).split('\n').slice(0, 6).join('\n       ')}`);
    return false;
  }
}
const assert = (cond, msg) => { if (!cond) throw new Error(msg); };
const shot = (page, name) => page.screenshot({ path: path.join(OUTPUT, name) }).then(() => log(`screenshot test-output/${name}`));

let page;
try {
  await check('the .vsix installs with code-server --install-extension', async () => {
    codeServerCli([...csArgs, '--install-extension', VSIX], env);
    const list = codeServerCli([...csArgs, '--list-extensions', '--show-versions'], env).trim();
    assert(/^news-annotator\.news-annotator@/m.test(list), `installed: ${list}`);
    return list;
  });

  const cs = await startCodeServer({ dir, userDataDir: d.ud, extensionsDir: d.exts, folder: d.ws, env });
  log(`code-server up on :${cs.port}`);
  const browser = await launchChromium(d.chrome, env);
  page = browser.pages()[0] ?? await browser.newPage();
  // a broken product should fail each check within seconds, not the 30 s default
  page.setDefaultTimeout(10_000);
  // the first load compiles the workbench: on a loaded machine it takes longer than the per-check default
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(d.ws)}`, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.getByRole('treeitem', { name: 'seed.news.txt' }).click({ timeout: 60_000 });
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.view-line').first().waitFor();
  log('article open');

  /** The spans of the rendered line that contains `needle`, with their computed colours. */
  const spansOf = (needle) => page.evaluate((n) => {
    const line = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')].find((e) => e.textContent.replace(/\u00a0/g, ' ').includes(n));
    return line ? [...line.querySelectorAll('span > span')].map((s) => ({ text: s.textContent.replace(/\u00a0/g, ' '), cls: s.className, color: getComputedStyle(s).color })) : [];
  }, needle);
  /** An entity span and its neighbours: coloured when its colour differs from the text just around it. */
  const colouring = async (lineNeedle, entity) => {
    const spans = await spansOf(lineNeedle);
    const i = spans.findIndex((s) => s.text === entity);
    if (i < 0) return { ok: false, spans };
    const neighbours = [spans[i - 1], spans[i + 1]].filter(Boolean);
    return { ok: neighbours.length > 0 && neighbours.every((s) => s.color !== spans[i].color), entity: spans[i], neighbours, spans };
  };
  const headline = originalLines[0];
  const lede = originalLines[4];

  await check('diagnostics are drawn as squiggles in the editor', async () => {
    await editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info').first().waitFor({ timeout: 30_000 });
    return `${await editor.locator('.squiggly-error, .squiggly-warning, .squiggly-info').count()} squiggles in view`;
  });

  let person;
  await check('semantic colouring: 普京 (person) has its own colour, unlike the text around it', async () => {
    person = await waitUntil(() => colouring(headline.slice(0, 8), '普京'), (r) => r.ok, { timeout: 20_000, what: '普京 coloured' });
    return `${person.entity.color} vs ${person.neighbours.map((n) => `"${n.text.slice(0, 4)}" ${n.color}`).join(', ')}`;
  });
  await check('semantic colouring: 美國 (location) and 7月3日 (date) are coloured too, location unlike person', async () => {
    const loc = await waitUntil(() => colouring(lede.slice(0, 12), '美國'), (r) => r.ok, { timeout: 10_000, what: '美國 coloured' });
    const spans = await spansOf(lede.slice(0, 12));
    const date = spans.find((s) => s.text.includes('7月3日'));
    const plain = spans.find((s) => s.text.includes('總統'));
    assert(date && plain && date.color !== plain.color, `7月3日 not coloured: ${JSON.stringify(spans.slice(0, 12))}`);
    assert(loc.entity.color !== person.entity.color, `location and person share ${loc.entity.color}`);
    return `location ${loc.entity.color}, date ${date.color}, plain ${plain.color}`;
  });

  await check('the Problems panel lists the boilerplate with source and code', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'boilerplate.' }).first().waitFor({ timeout: 15_000 });
    const texts = (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    const ours = texts.filter((t) => t.includes('news-annotator') && /boilerplate\.[a-z-]+/.test(t));
    assert(ours.length >= 3, `rows: ${JSON.stringify(texts)}`);
    assert(ours.some((t) => t.includes('boilerplate.site-title') && t.includes('[Ln 13')), `no site-title row on line 13: ${JSON.stringify(ours)}`);
    const header = texts.find((t) => t.includes('seed.news.txt')) ?? '';
    return `${header} | ${ours[0]}`;
  });
  await check('hover on 普京 shows the entity card', async () => {
    const span = editor.locator('.view-line span > span', { hasText: /^普京$/ }).first();
    await span.hover();
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').filter({ hasText: '普京' }).first();
    await hover.waitFor({ timeout: 10_000 });
    const text = (await hover.innerText()).trim().replace(/\s+/g, ' ');
    assert(/Person/.test(text), `hover text: ${text}`);
    // the widget fades in: wait until it is opaque so the screenshot shows it clearly
    await waitUntil(() => hover.evaluate((e) => getComputedStyle(e.closest('.monaco-hover')).opacity), (o) => o === '1', { timeout: 3000, what: 'hover opaque' }).catch(() => {});
    await shot(page, 'ui-hover.png');
    return JSON.stringify(text.slice(0, 160));
  });
  await page.mouse.move(5, 400);
  await page.keyboard.press('Escape');

  await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 200, y: 5 } });

  await check('a person selects 塔斯社, presses Ctrl+K O: it turns from the media to the organisation colour and seed.news.ann appears', async () => {
    const annFile = articleFile.replace(/\.txt$/, '') + '.ann';
    const before = await waitUntil(() => colouring(lede.slice(0, 12), '塔斯社'), (r) => r.ok, { timeout: 10_000, what: '塔斯社 coloured' });
    assert(!fs.existsSync(annFile), 'an .ann before any review');
    // select the name the way a person would without a mouse: find it, close the find widget (the match stays selected)
    // the editor has the focus (clicked above); Ctrl+F opens its find widget
    await page.keyboard.press('Control+F');
    await page.keyboard.type('塔斯社');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('o');
    const ann = await waitUntil(() => (fs.existsSync(annFile) ? fs.readFileSync(annFile, 'utf8') : ''), (t) => /\tORG \d+ \d+\t塔斯社/.test(t), { timeout: 10_000, what: 'seed.news.ann with 塔斯社 as ORG' });
    const after = await waitUntil(() => colouring(lede.slice(0, 12), '塔斯社'), (r) => r.ok && r.entity.color !== before.entity.color, { timeout: 10_000, what: '塔斯社 recoloured' });
    await shot(page, 'ui-annotate.png');
    return `${before.entity.color} -> ${after.entity.color}; ${ann.split('\n')[0]}`;
  });

  await shot(page, 'ui-before-fix.png');

  await check('quick fix from the light-bulb menu (Ctrl+., Enter) removes the site-title block', async () => {
    // go to line 13 (the first site-title block) with the keyboard, then open the quick-fix menu
    await page.keyboard.press('Control+G');
    await page.keyboard.type('13');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Period');
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 10_000 });
    const titles = (await rows.allInnerTexts()).map((t) => t.trim());
    const wanted = rows.filter({ hasText: /^Remove this .*block/ }).first();
    assert(await wanted.count(), `no "Remove this … block" in the menu: ${JSON.stringify(titles)}`);
    // mouse clicks are intercepted by a pointer-block overlay: choose with the keyboard like a user would
    for (let i = 0; i < 10 && !(await wanted.evaluate((e) => e.classList.contains('focused'))); i++) await page.keyboard.press('ArrowDown');
    const chosen = (await wanted.innerText()).trim();
    await shot(page, 'ui-quickfix-menu.png');
    await page.keyboard.press('Enter');
    // The edit has landed when the editor tab turns dirty (the second title, line 27, may be off screen, so
    // counting visible lines alone could pass before anything changed).
    await page.locator('.tabs-container .tab.dirty').first().waitFor({ timeout: 10_000 });
    const lineAt13 = () => page.evaluate(() => document.querySelector('.editor-instance .monaco-editor .view-lines')?.textContent ?? '');
    await waitUntil(lineAt13, (t) => t.replace(/\u00a0/g, ' ').split(SITE_TITLE).length - 1 <= 1, { timeout: 10_000, what: 'at most one site-title line on screen' });
    await page.keyboard.press('Control+S');
    const onDisk = await waitUntil(() => fs.readFileSync(articleFile, 'utf8'), (t) => t !== original, { timeout: 10_000, what: 'the file saved' });
    const diskLines = onDisk.split('\n');
    assert(diskLines.filter((l) => l === SITE_TITLE).length === 1, 'file on disk still has both site-title lines');
    const lost = contentLines.filter((l) => !diskLines.includes(l));
    assert(lost.length === 0, `article lines lost: ${JSON.stringify(lost.map((l) => l.slice(0, 30)))}`);
    assert(diskLines.length >= originalLines.length - 3, `removed ${originalLines.length - diskLines.length} lines`);
    return `"${chosen}" of ${JSON.stringify(titles)}; file now ${diskLines.length} lines (was ${originalLines.length})`;
  });
  await shot(page, 'ui-after-fix.png');
} catch (e) {
  failed++;
  console.log(`FAIL - ui suite aborted: ${e.stack ?? e}`);
  if (page) await shot(page, 'ui-failure.png').catch(() => {});
} finally {
  await cleanup();
}

if (failed === 0 && process.env.SCREENSHOT) {
  fs.mkdirSync(path.join(ROOT, 'images'), { recursive: true });
  fs.copyFileSync(path.join(OUTPUT, 'ui-hover.png'), path.join(ROOT, 'images/screenshot.png'));
  log('copied test-output/ui-hover.png to images/screenshot.png');
}
if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
summary(passed, failed);
process.exit(failed ? 1 : 0);
