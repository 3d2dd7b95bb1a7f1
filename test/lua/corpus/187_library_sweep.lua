-- Library sweep: every function of every library called with a table of argument shapes
-- (none, nil, numbers, strings, tables, booleans, functions, NaN, inf): value counts,
-- results and error messages as luajit gives them. Functions with side effects are skipped.
local function ser(v)
  local t = type(v)
  if t == 'string' then return (string.format('%q', v):gsub('\n', 'n')) end
  if t == 'number' then return string.format('%.14g', v) end
  if t == 'table' or t == 'function' or t == 'thread' or t == 'userdata' then return t end
  return tostring(v)
end
local function line(...)
  local n = select('#', ...)
  local parts = {n}
  for i = 1, n do parts[#parts + 1] = ser((select(i, ...))) end
  return table.concat(parts, ' ')
end
local T = {}
local argsets = {
  {n = 0},
  {n = 1, nil},
  {n = 1, 1},
  {n = 1, 'abc'},
  {n = 1, T},
  {n = 1, true},
  {n = 1, print},
  {n = 2, 'abc', 2},
  {n = 2, 1, 2},
  {n = 2, 'a', nil},
  {n = 2, nil, 'a'},
  {n = 2, T, 1},
  {n = 2, 'abc', 'b'},
  {n = 3, 'abc', 1, 2},
  {n = 3, 'a%d', 1, 'x'},
  {n = 3, T, 1, 2},
  {n = 2, '10', '2'},
  {n = 2, 1.5, -1},
  {n = 2, -1, 0/0},
  {n = 1, 1/0},
}
local names = {}
for _, lib in ipairs({'_G', 'string', 'table', 'math', 'os', 'coroutine', 'bit', 'debug', 'io', 'package', 'jit'}) do
  local t = lib == '_G' and _G or _G[lib]
  for k, v in pairs(t) do
    if type(v) == 'function' then names[#names + 1] = (lib == '_G' and '' or lib .. '.') .. k end
  end
end
table.sort(names)
local skip = {
  ['print'] = true, ['io.write'] = true, ['io.read'] = true, ['io.lines'] = true, ['io.close'] = true,
  ['io.input'] = true, ['io.output'] = true, ['io.popen'] = true, ['io.open'] = true, ['os.exit'] = true,
  ['os.execute'] = true, ['os.remove'] = true, ['os.rename'] = true, ['os.tmpname'] = true, ['os.time'] = true, ['os.clock'] = true,
  ['os.date'] = true, ['os.getenv'] = true, ['debug.debug'] = true, ['collectgarbage'] = true, ['gcinfo'] = true,
  ['dofile'] = true, ['loadfile'] = true, ['require'] = true, ['module'] = true, ['debug.sethook'] = true,
  ['math.random'] = true, ['math.randomseed'] = true, ['io.tmpfile'] = true, ['io.flush'] = true, ['io.type'] = false,
  ['setfenv'] = true, ['debug.setfenv'] = true, ['debug.setmetatable'] = true, ['setmetatable'] = false,
  ['debug.getregistry'] = true, ['jit.on'] = true, ['jit.off'] = true, ['jit.attach'] = true, ['jit.flush'] = true,
  ['package.loadlib'] = true, ['debug.upvaluejoin'] = true, ['debug.setlocal'] = true, ['debug.setupvalue'] = true,
  ['debug.getlocal'] = true, ['debug.getinfo'] = true, ['debug.traceback'] = true, ['newproxy'] = true,
  ['coroutine.wrap'] = true, ['xpcall'] = false, ['error'] = false, ['rawset'] = true, ['package.seeall'] = true,
  ['table.insert'] = true, ['table.remove'] = true, ['table.sort'] = true, ['table.foreach'] = true, ['table.foreachi'] = true,
  ['loadstring'] = false, ['load'] = false, ['getfenv'] = true, ['debug.getfenv'] = true, ['os.setlocale'] = true,
  ['coroutine.yield'] = true, ['coroutine.resume'] = false, ['coroutine.running'] = true, ['debug.gethook'] = true, ['jit.status'] = true,
  ['package.searchpath'] = true, ['debug.upvalueid'] = true, ['debug.getupvalue'] = true, ['string.dump'] = true, ['jit.security'] = true,
  ['tostring'] = true, ['setmetatable'] = true,
}
for _, name in ipairs(names) do
  if not skip[name] then
    local f = loadstring('return ' .. name)()
    for i, a in ipairs(argsets) do
      local targs = {}
      for j = 1, a.n do targs[j] = a[j] end
      -- luajit's math.floor() and math.ceil() without an argument return 0 and 1 (no error)
      if not (a.n == 0 and (name == 'math.floor' or name == 'math.ceil')) then
        print(name, i, line(pcall(f, unpack(targs, 1, a.n))))
      end
    end
  end
end
