print(type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage())
print(collectgarbage("collect"))
print(type(collectgarbage("step")))
print(type(gcinfo()))
print(collectgarbage("count") < 1e7)
local before = collectgarbage("count")
local junk = {}
for i = 1, 1000 do junk[i] = {i} end
junk = nil
collectgarbage()
print(collectgarbage("count") < before + 1000)
print(pcall(collectgarbage, "bogus"))
print(type(collectgarbage("setpause", 100)), type(collectgarbage("setstepmul", 200)))
collectgarbage("restart")
print(type(jit), type(jit.version), jit.version:match("^LuaJIT") ~= nil)
print(type(jit.os), type(jit.arch), type(jit.on), type(jit.off))
print(type(newproxy), type(newproxy()), type(newproxy(true)))
