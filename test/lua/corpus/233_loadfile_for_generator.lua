-- loadfile takes luajit 2.1's mode and env arguments
local path = os.tmpname()
local f = io.open(path, 'w') f:write('x = 1 return z, x') f:close()
local env = {z = 9}
print(loadfile(path, 'bt', env)())
print(env.x, x)
print(loadfile(path, 'b'))
print(loadfile(path, 't', nil)())
print(pcall(loadfile, path, {}))
os.remove(path)

-- a generic for's iterator is called '(for generator)' in errors, tracebacks and getinfo
print(pcall(function() for k in string.gmatch, 5 do end end))
print(pcall(function() for k in next, 5 do end end))
print(pcall(function() for k in string.rep do end end))
local function gen(s, c)
  local info = debug.getinfo(1, 'n')
  print(info.name, info.namewhat)
  print((debug.traceback('tb', 1):gsub('\n[^\n]*%[C%][^\n]*', '')))
  return nil
end
for k in gen do end
