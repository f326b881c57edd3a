-- Neovim 0.7 headless as a second LSP client of the News Annotator language server (stdio transport).
-- Run through test/e2e/nvim/run.mjs, or by hand from the repo root:
--   NEWS_SERVER=dist/server.js NEWS_FIXTURE=test/fixtures/articles/seed_guancha_ttyw.txt NEWS_DIR=/tmp/nvim-e2e \
--     nvim --headless -n -i NONE -u test/e2e/nvim/lsp-test.lua
-- Prints one `ok   - ...` / `FAIL - ...` line per check, then `N passed, M failed`; exits 1 on any failure.
-- The client config is the minimal one docs/e2e.md gives users (no `settings`: the server must fall back to
-- its defaults when workspace/configuration answers null).
local server = os.getenv('NEWS_SERVER') or 'dist/server.js'
local fixture = os.getenv('NEWS_FIXTURE') or 'test/fixtures/articles/seed_guancha_ttyw.txt'
local dir = os.getenv('NEWS_DIR') or (vim.fn.tempname() .. '-nvim-e2e')
local timeout = tonumber(os.getenv('NEWS_TIMEOUT_MS') or '20000')

local passed, failed = 0, 0
local function out(...) io.stdout:write(table.concat(vim.tbl_map(tostring, { ... }), ' ') .. '\n') end
local function check(cond, what)
  if cond then passed = passed + 1 else failed = failed + 1 end
  out((cond and 'ok   - ' or 'FAIL - ') .. what)
  return cond
end
local t0 = vim.loop.hrtime()
local function ms() return string.format('%.0f ms', (vim.loop.hrtime() - t0) / 1e6) end
local function read_lines(path)
  local lines = {}
  for l in io.lines(path) do lines[#lines + 1] = l end
  return lines
end
local function count(list, value)
  local n = 0
  for _, v in ipairs(list) do if v == value then n = n + 1 end end
  return n
end

-- An uncaught Lua error in a -u script leaves headless nvim hanging: everything runs under xpcall and ends in cquit.
local ok, err = xpcall(function()
  local v = vim.version()
  out(string.format('nvim %d.%d.%d, server %s', v.major, v.minor, v.patch, server))
  assert(vim.fn.filereadable(server) == 1, 'server not built: ' .. server .. ' (run npm run build)')
  local source = read_lines(fixture)
  local gold = vim.fn.json_decode(table.concat(read_lines((fixture:gsub('%.txt$', '.gold.json'))), '\n'))
  -- the site-title line occurs twice (1-based 13 and 27)
  local headline, lede, site_title = source[1], source[5], source[13]
  assert(site_title:find(' %- 天天要聞$'), 'fixture changed: line 13 is not the site title: ' .. site_title)

  vim.fn.mkdir(dir, 'p')
  local file = dir .. '/seed.news.txt'
  vim.fn.writefile(source, file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'news-article' -- becomes the languageId of didOpen
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)

  local client_id = vim.lsp.start_client({
    name = 'news-annotator',
    cmd = { 'node', server, '--stdio' },
    root_dir = dir,
    on_exit = function(code, signal)
      if code ~= 0 then out('  server exited code=' .. tostring(code) .. ' signal=' .. tostring(signal) .. ' (stderr in lsp.log)') end
    end,
  })
  check(client_id ~= nil, 'start_client')
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- 1. diagnostics (push): one code per boilerplate kind present in the sample
  local function diags() return vim.diagnostic.get(bufnr) end
  -- stop waiting early when the server died
  local arrived = vim.wait(timeout, function() return #diags() > 0 or vim.lsp.get_client_by_id(client_id) == nil end, 20)
    and #diags() > 0
  check(arrived, 'diagnostics arrived (' .. ms() .. ', ' .. #diags() .. ' diagnostics)')
  local client = vim.lsp.get_client_by_id(client_id)
  assert(client, 'language server is not running (exited?)')
  local codes, sources = {}, {}
  for _, d in ipairs(diags()) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    codes[tostring(code)] = (codes[tostring(code)] or 0) + 1
    sources[tostring(d.source)] = true
  end
  out('  codes: ' .. vim.inspect(codes, { newline = '' }))
  check(sources['news-annotator'] and vim.tbl_count(sources) == 1, 'diagnostic source is news-annotator: ' .. vim.inspect(vim.tbl_keys(sources)))
  for _, kind in ipairs({ 'site-title', 'image-caption', 'copyright', 'related' }) do
    check(codes['boilerplate.' .. kind] ~= nil, 'diagnostic code boilerplate.' .. kind)
  end
  local on_content = {}
  for _, d in ipairs(diags()) do
    if d.lnum == 0 or d.lnum == 4 then on_content[#on_content + 1] = d.lnum end
  end
  check(#on_content == 0, 'no diagnostic on the headline or the lede: ' .. vim.inspect(on_content))

  -- 2. hover on 普京 in the headline ("特朗普與普京..." -> UTF-16 character 4)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = 0, character = 4 } }, timeout)
  local hv = hover and hover[client_id] and hover[client_id].result
  local hover_text = ''
  if hv then
    local c = hv.contents
    hover_text = type(c) == 'string' and c or (c.value or table.concat(vim.tbl_map(function(x) return type(x) == 'string' and x or x.value end, c), '\n'))
  end
  out('  hover: ' .. hover_text:gsub('\n', ' | '))
  check(hover_text:find('普京') ~= nil, 'hover on 普京 names it')
  check(hover_text:find('[Pp]erson') ~= nil or hover_text:find('人') ~= nil or hover_text:find('PER') ~= nil,
    'hover on 普京 says it is a person')

  -- 3. code action on the first site-title block: the narrowest edit removes just that block
  local title_line = 12
  local line_diags = vim.lsp.diagnostic.get_line_diagnostics(bufnr, title_line)
  local ca = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = title_line, character = 0 }, ['end'] = { line = title_line, character = 0 } },
    context = { diagnostics = line_diags, only = { 'quickfix' } },
  }, timeout)
  local actions = ca and ca[client_id] and ca[client_id].result or {}
  local titles = vim.tbl_map(function(a) return a.title end, actions)
  out('  code actions: ' .. vim.inspect(titles, { newline = '' }))
  check(#actions >= 1, 'code actions offered on the site-title line')
  -- resolve lazily-computed edits, then prefer the action that touches the fewest lines
  local best, best_span
  for _, a in ipairs(actions) do
    if not a.edit and not a.command and client.server_capabilities.codeActionProvider
      and type(client.server_capabilities.codeActionProvider) == 'table'
      and client.server_capabilities.codeActionProvider.resolveProvider then
      local r = vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', a, timeout)
      a = r and r[client_id] and r[client_id].result or a
    end
    if a.edit then
      local span = 0
      for _, edits in pairs(a.edit.changes or {}) do
        for _, e in ipairs(edits) do span = span + (e.range['end'].line - e.range.start.line) + 1 end
      end
      for _, dc in ipairs(a.edit.documentChanges or {}) do
        for _, e in ipairs(dc.edits or {}) do span = span + (e.range['end'].line - e.range.start.line) + 1 end
      end
      if span > 0 and (best_span == nil or span < best_span) then best, best_span = a, span end
    end
  end
  check(best ~= nil, 'a code action carries an edit: ' .. tostring(best and best.title))
  if best then
    local before = #diags()
    vim.lsp.util.apply_workspace_edit(best.edit, client.offset_encoding or 'utf-16')
    local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    check(count(lines, site_title) == 1, 'quick fix "' .. best.title .. '" removed one of the two site-title lines (left '
      .. count(lines, site_title) .. ')')
    local missing = {}
    for _, n in ipairs(gold.content) do -- gold lines are 1-based
      if count(lines, source[n]) == 0 then missing[#missing + 1] = n end
    end
    check(#missing == 0 and count(lines, headline) >= 1 and count(lines, lede) == 1,
      'article content intact after the fix (missing gold lines: ' .. vim.inspect(missing, { newline = '' }) .. ')')
    -- didChange reaches the server; it re-publishes with fewer diagnostics
    check(vim.wait(timeout, function() return #diags() < before end, 20),
      'diagnostics re-published after the edit (' .. before .. ' -> ' .. #diags() .. ', ' .. ms() .. ')')
  end

  -- 4. "keep: not boilerplate" on the image caption (1-based line 15 of the sample, moved up by the fix): a
  -- server command, no edit
  local caption_line = -1
  for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if l == source[15] then caption_line = i - 1; break end
  end
  local function on_caption()
    for _, d in ipairs(diags()) do if d.lnum <= caption_line and caption_line <= (d.end_lnum or d.lnum) then return true end end
    return false
  end
  check(on_caption(), 'a diagnostic on the image caption line')
  local ca2 = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = caption_line, character = 0 }, ['end'] = { line = caption_line, character = 0 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, caption_line), only = { 'quickfix' } },
  }, timeout)
  local keep
  for _, a in ipairs(ca2 and ca2[client_id] and ca2[client_id].result or {}) do
    if not a.edit and a.command then keep = a end
  end
  check(keep ~= nil, 'a command-only action (keep) is offered: ' .. tostring(keep and keep.title))
  if keep then
    local cmd = type(keep.command) == 'table' and keep.command or keep
    local r = vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }, timeout)
    local err = r and r[client_id] and r[client_id].err
    check(r ~= nil and err == nil, 'workspace/executeCommand ' .. tostring(cmd.command) .. ' answered' .. (err and (': ' .. vim.inspect(err)) or ''))
    check(vim.wait(timeout, function() return not on_caption() end, 20), 'the kept caption is no longer flagged (' .. ms() .. ')')
  end

  -- 5. semantic tokens over stdio: nvim 0.7 cannot render them, but the server must answer
  local st = vim.lsp.buf_request_sync(bufnr, 'textDocument/semanticTokens/full', { textDocument = { uri = uri } }, timeout)
  local data = st and st[client_id] and st[client_id].result and st[client_id].result.data
  check(data ~= nil and #data >= 5 and #data % 5 == 0, 'semanticTokens/full answers ' .. (data and #data / 5 or 0) .. ' tokens')

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
  out('  total ' .. ms())
end, debug.traceback)
if not ok then
  out('ERROR: ' .. tostring(err))
  failed = failed + 1
end
out(string.format('%d passed, %d failed', passed, failed))
vim.cmd(failed == 0 and 'qall!' or 'cquit!')
