import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ClientCommands, WORKSPACE_COMMANDS, type ConvertTarget, type NewsAnnotatorSettings } from '../../server/src/protocol';
import { TOKEN_MODIFIERS, TOKEN_SUPER_TYPES, TOKEN_TYPES } from '../../server/src/service/legend';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';
import { CLIENT_ONLY_SETTINGS, CONFIGURATION } from '../../server/src/service/settingsSchema';
import { EXTENSION_ID, SAMPLE_PATH, WALKTHROUGH_ID } from '../../client/src/identity';
import { BOILERPLATE_KINDS, ENTITY_TYPES } from '../../server/src/service/types';

const root = path.resolve(__dirname, '../..');
interface SettingSchema {
  default: unknown;
  enum?: string[];
  items?: { enum?: string[] };
  properties?: Record<string, unknown>;
  pattern?: string;
}
/** The parts of package.json this test reads. */
interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; aliases: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    semanticTokenTypes: { id: string; superType: string }[];
    semanticTokenModifiers: { id: string }[];
    semanticTokenScopes: { scopes: Record<string, string[]> }[];
    commands: { command: string; title: string; category: string }[];
    menus: { commandPalette: { command: string; when: string }[] };
    configuration: { properties: Record<string, SettingSchema> };
  };
}
type Strings = Record<string, string>;
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
const pkg = readJson<Manifest>('package.json');
const contributes = pkg.contributes;
const NLS_FILES = ['package.nls.json', 'package.nls.zh-tw.json', 'package.nls.zh-cn.json'];
const L10N_FILES = ['l10n/bundle.l10n.zh-tw.json', 'l10n/bundle.l10n.zh-cn.json'];

/**
 * Every leaf of NewsAnnotatorSettings and its configuration key. Typed so that tsc fails when the
 * interface gains or loses a field that this list (and so package.json) does not follow.
 */
type SettingKeys = {
  [G in keyof NewsAnnotatorSettings]: NewsAnnotatorSettings[G] extends readonly unknown[]
    ? string
    : { [F in keyof NewsAnnotatorSettings[G]]: string };
};
const SETTING_KEYS: SettingKeys = {
  boilerplate: { kinds: 'newsAnnotator.boilerplate.kinds', severity: 'newsAnnotator.boilerplate.severity' },
  highlight: { entityTypes: 'newsAnnotator.highlight.entityTypes', dates: 'newsAnnotator.highlight.dates' },
  entities: { confidenceThreshold: 'newsAnnotator.entities.confidenceThreshold', useModel: 'newsAnnotator.entities.useModel' },
  dates: { referenceDate: 'newsAnnotator.dates.referenceDate', inlayHints: 'newsAnnotator.dates.inlayHints' },
  convert: { target: 'newsAnnotator.convert.target' },
  files: 'newsAnnotator.files',
};
const CLIENT_ONLY_KEYS = CLIENT_ONLY_SETTINGS;
const CONVERT_TARGETS = ['simplified', 'traditional', 'taiwan', 'hongkong'] as const satisfies readonly ConvertTarget[];
/** Commands that need no open article: in the palette everywhere. */
const GLOBAL_COMMANDS: string[] = [ClientCommands.openSettings, ClientCommands.openWalkthrough, ClientCommands.openSample];

function leafKeys(node: string | object): string[] {
  return typeof node === 'string' ? [node] : Object.values(node).flatMap((child) => leafKeys(child));
}

/** The settings object VS Code would send with every default, nested like NewsAnnotatorSettings. */
type Tree = { [key: string]: unknown };
function defaultsFromManifest(): Tree {
  const result: Tree = {};
  for (const [key, schema] of Object.entries(contributes.configuration.properties)) {
    if (CLIENT_ONLY_KEYS.includes(key)) continue;
    const parts = key.split('.').slice(1);
    let node = result;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    node[parts[parts.length - 1]] = schema.default;
  }
  return result;
}

describe('package.json manifest', () => {
  describe('semantic token legend', () => {
    it('declares the token types of legend.ts, in order, with their super types', () => {
      assert.deepEqual(
        contributes.semanticTokenTypes.map((t) => [t.id, t.superType]),
        TOKEN_TYPES.map((t) => [t, TOKEN_SUPER_TYPES[t]]),
      );
    });

    it('declares the token modifiers of legend.ts', () => {
      assert.deepEqual(
        contributes.semanticTokenModifiers.map((m) => m.id),
        [...TOKEN_MODIFIERS],
      );
    });

    it('maps every token type to TextMate scopes, each type to a different first scope', () => {
      const scopes = contributes.semanticTokenScopes[0].scopes;
      assert.deepEqual(Object.keys(scopes).sort(), [...TOKEN_TYPES].sort());
      const firsts = TOKEN_TYPES.map((t) => scopes[t][0]);
      assert.equal(new Set(firsts).size, firsts.length, `duplicate scopes: ${firsts.join(', ')}`);
    });
  });

  describe('commands', () => {
    const declared = contributes.commands.map((c) => c.command).sort();

    it('contributes exactly the commands of ClientCommands', () => {
      assert.deepEqual(declared, Object.values(ClientCommands).sort());
    });

    it('puts every command in category News with a localised title', () => {
      for (const command of contributes.commands) {
        assert.equal(command.category, '%category%', command.command);
        assert.match(command.title, /^%command\.\w+%$/, command.command);
      }
    });

    it('shows article commands in the palette only for news articles, Annotate This File only for plain text', () => {
      const when = Object.fromEntries(contributes.menus.commandPalette.map((m) => [m.command, m.when]));
      assert.deepEqual(Object.keys(when).sort(), declared);
      for (const id of declared) {
        const expected =
          id === ClientCommands.annotateThisFile
            ? 'editorLangId == plaintext'
            : GLOBAL_COMMANDS.includes(id)
              ? 'true'
              : WORKSPACE_COMMANDS.includes(id)
                ? 'workspaceFolderCount > 0'
                : 'editorLangId == news-article';
        assert.equal(when[id], expected, id);
      }
    });

    it('has a handler for every command in the client command table', () => {
      const table = readFileSync(path.join(root, 'client/src/commands.ts'), 'utf8');
      for (const name of Object.keys(ClientCommands)) assert.match(table, new RegExp(`^  ${name}: `, 'm'), name);
    });
  });

  describe('localisation', () => {
    const nlsKeys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);

    it('finds placeholders to check (the manifest is localised at all)', () => {
      assert.ok(nlsKeys.length > 40, `only ${nlsKeys.length} %keys%`);
    });

    for (const file of NLS_FILES) {
      it(`${file} has every %key% of package.json, and nothing else`, () => {
        const nls = readJson<Strings>(file);
        assert.deepEqual(
          nlsKeys.filter((k) => typeof nls[k] !== 'string' || nls[k].trim() === ''),
          [],
        );
        assert.deepEqual(
          Object.keys(nls).filter((k) => !nlsKeys.includes(k)),
          [],
        );
      });
    }

    it('translates the manifest into Chinese (not a copy of the English)', () => {
      const en = readJson<Strings>('package.nls.json');
      for (const file of NLS_FILES.slice(1)) {
        const zh = readJson<Strings>(file);
        assert.match(zh['command.showEntities'], /\p{Script=Han}/u, file);
        assert.notEqual(zh.category, en.category, file);
      }
      // Taiwan and mainland readers get their own wording, not one converted text.
      assert.notEqual(
        readJson<Strings>('package.nls.zh-tw.json')['command.exportAnnotations'],
        readJson<Strings>('package.nls.zh-cn.json')['command.exportAnnotations'],
      );
    });

    const sources = readdirSync(path.join(root, 'client/src')).filter((f) => f.endsWith('.ts'));
    const runtimeStrings = sources.flatMap((file) => {
      const text = readFileSync(path.join(root, 'client/src', file), 'utf8');
      return [...text.matchAll(/l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g)].map((m) => m[2].replace(/\\(.)/g, '$1'));
    });

    it('finds the runtime strings of the client', () => {
      assert.ok(runtimeStrings.includes('Show Output'));
      assert.ok(runtimeStrings.length > 20, `only ${runtimeStrings.length} strings`);
    });

    for (const file of L10N_FILES) {
      it(`${file} translates every vscode.l10n.t string of client/src with the same placeholders`, () => {
        const bundle = readJson<Strings>(file);
        const missing = runtimeStrings.filter((s) => typeof bundle[s] !== 'string');
        assert.deepEqual(missing, []);
        const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
        for (const s of runtimeStrings) assert.deepEqual(placeholders(bundle[s]), placeholders(s), `${file}: ${s}`);
        assert.deepEqual(
          Object.keys(bundle).filter((k) => !runtimeStrings.includes(k)),
          [],
          'unused translations',
        );
      });
    }
  });

  describe('configuration', () => {
    const properties = contributes.configuration.properties;

    it('is the settings schema of the service, as `npm run manifest` writes it (run it after changing the schema)', () => {
      assert.deepEqual(contributes.configuration, JSON.parse(JSON.stringify(CONFIGURATION)));
    });

    it('has one key per field of NewsAnnotatorSettings, plus the client-only trace key', () => {
      assert.deepEqual(Object.keys(properties).sort(), [...leafKeys(SETTING_KEYS), ...CLIENT_ONLY_KEYS].sort());
    });

    it('has the defaults of the server (DEFAULT_SETTINGS)', () => {
      const defaults = defaultsFromManifest();
      const boilerplate = defaults.boilerplate as Tree;
      // The server flags a missing kind, so "all true" and "{}" mean the same.
      assert.ok(Object.values(boilerplate.kinds as Tree).every((v) => v === true));
      boilerplate.kinds = {};
      assert.deepEqual(defaults, DEFAULT_SETTINGS);
    });

    it('offers exactly the values the settings types allow', () => {
      assert.deepEqual(Object.keys(properties['newsAnnotator.boilerplate.kinds'].properties ?? {}), [...BOILERPLATE_KINDS]);
      assert.deepEqual(properties['newsAnnotator.boilerplate.severity'].enum, ['error', 'warning', 'information', 'hint']);
      assert.deepEqual(properties['newsAnnotator.highlight.entityTypes'].items?.enum, [...ENTITY_TYPES]);
      assert.deepEqual(properties['newsAnnotator.convert.target'].enum, [...CONVERT_TARGETS]);
    });

    it('accepts an ISO reference date or nothing, and rejects a free-text one', () => {
      const pattern = new RegExp(properties['newsAnnotator.dates.referenceDate'].pattern ?? '(?!)');
      for (const ok of ['', '2025-07-04', '2025-07-04T09:50']) assert.match(ok, pattern);
      for (const bad of ['yesterday', '2025/07/04', '2025-7-4']) assert.doesNotMatch(bad, pattern);
    });

    it('opts in only .txt files under news/ or articles/ folders by default, never every .txt', () => {
      const globs = properties['newsAnnotator.files'].default as string[];
      assert.ok(globs.length > 0);
      for (const glob of globs) assert.match(glob, /\/(news|articles)\/.*\.txt$/);
    });
  });

  describe('walkthrough, menus and identity', () => {
    const manifest = pkg as unknown as {
      name: string;
      publisher: string;
      repository: { url: string };
      homepage: string;
      bugs: { url: string };
      keywords: string[];
      contributes: {
        walkthroughs: { id: string; steps: { id: string; media: { markdown: string }; description: string }[] }[];
        menus: Record<string, { command?: string; submenu?: string; when?: string }[]>;
        commands: { command: string; icon?: string }[];
      };
    };

    it('names the extension as the client code does', () => {
      assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
    });

    it('points the marketplace at a real repository, homepage and issue tracker, with keywords', () => {
      assert.match(manifest.repository.url, /^https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
      assert.match(manifest.homepage, /^https:\/\/github\.com\//);
      assert.match(manifest.bugs.url, /\/issues$/);
      assert.ok(manifest.keywords.length >= 5 && manifest.keywords.length <= 30);
    });

    it('has the Getting Started walkthrough the client opens: open the sample, hover, fix, convert, export', () => {
      const walkthrough = manifest.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);
      assert.ok(walkthrough, WALKTHROUGH_ID);
      assert.deepEqual(
        walkthrough.steps.map((s) => s.id),
        ['openSample', 'hover', 'fix', 'convert', 'export'],
      );
      const shipped = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
      for (const step of walkthrough.steps) {
        // The media is localised too: its path is a %key% each package.nls*.json resolves to a file of its language.
        const key = /^%(.+)%$/.exec(step.media.markdown)?.[1];
        assert.ok(key, `${step.id}: the media path is not localised`);
        for (const file of NLS_FILES) {
          const media = readJson<Strings>(file)[key];
          const text = readFileSync(path.join(root, media), 'utf8');
          assert.ok(text.startsWith('# '), media);
          if (file !== 'package.nls.json') assert.match(text.split('\n')[0], /\p{Script=Han}/u, `${media} is not translated`);
        }
        // Every command a step's button runs exists.
        const en = readJson<Strings>('package.nls.json')[step.description.slice(1, -1)];
        for (const m of en.matchAll(/command:([\w.]+)/g)) assert.ok(Object.values(ClientCommands).includes(m[1] as never), m[1]);
      }
      assert.match(shipped, /^!walkthroughs\/\*\*\/\*\.md$/m);
      assert.match(shipped, /^!samples\/\*\.news\.txt$/m);
      assert.ok(readFileSync(path.join(root, SAMPLE_PATH), 'utf8').includes('版權所有'));
    });

    it('offers the article commands in the editor and explorer context menus and icons in the editor title', () => {
      const menus = manifest.contributes.menus;
      const commandsOf = (menu: string) => (menus[menu] ?? []).map((m) => m.command ?? m.submenu);
      assert.ok(commandsOf('editor/context').includes('newsAnnotator.convert'));
      assert.ok(commandsOf('editor/context').includes(ClientCommands.removeAllBoilerplate));
      assert.ok(commandsOf('explorer/context').includes(ClientCommands.exportAnnotations));
      assert.ok(commandsOf('explorer/context').includes(ClientCommands.annotateThisFile));
      assert.deepEqual(commandsOf('newsAnnotator.convert').slice(-1), [ClientCommands.convertBack]);
      const icons = new Map(manifest.contributes.commands.map((c) => [c.command, c.icon]));
      for (const id of commandsOf('editor/title')) assert.match(icons.get(id ?? '') ?? '', /^\$\([\w-]+\)$/, `${id} has no icon`);
    });
  });

  describe('language and packaging', () => {
    it('contributes the news-article language with its files, grammar and language configuration', () => {
      const [language] = contributes.languages;
      assert.equal(language.id, 'news-article');
      assert.deepEqual(language.extensions, ['.news.txt', '.article.txt', '.news']);
      assert.ok(language.aliases.includes('News Article') && language.aliases.includes('新聞文章'));
      const [grammar] = contributes.grammars;
      assert.deepEqual([grammar.language, grammar.scopeName], ['news-article', 'text.news-article']);
      assert.equal(readJson<{ scopeName: string }>(grammar.path).scopeName, 'text.news-article');
      assert.ok(Array.isArray(readJson<{ brackets: unknown }>(language.configuration).brackets));
    });

    it('activates on articles and on plain text (for the opt-in) and nothing broader', () => {
      assert.deepEqual([...pkg.activationEvents].sort(), ['onLanguage:news-article', 'onLanguage:plaintext']);
    });

    it('ships, through the .vscodeignore whitelist, every file the manifest points at', () => {
      const lines = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
        .split('\n')
        .map((l) => l.trim());
      assert.equal(
        lines.find((l) => l && !l.startsWith('#')),
        '**',
        'the file must start by excluding everything',
      );
      const whitelisted = lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
      const required = [
        pkg.main.replace(/^\.\//, ''),
        'dist/server.js',
        contributes.grammars[0].path.replace(/^\.\//, ''),
        contributes.languages[0].configuration.replace(/^\.\//, ''),
        ...L10N_FILES,
        ...NLS_FILES,
        'LICENSE',
      ];
      const globToRegExp = (glob: string) =>
        new RegExp(
          `^${glob
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*\*/g, '\u0000')
            .replace(/\*/g, '[^/]*')
            .replace(/\u0000/g, '.*')}$`,
        );
      for (const file of required)
        assert.ok(
          whitelisted.some((g) => globToRegExp(g).test(file)),
          `${file} is not shipped`,
        );
      assert.ok(!whitelisted.some((g) => /node_modules|src|test/.test(g)), 'sources or node_modules would ship');
    });
  });
});
