local t = {}
t["end"] = "kw end"
t["and"] = 1
t._ = "underscore"
t.__ = "double"
t._1 = "u1"
print(t["end"], t["and"], t._, t.__, t._1)
print(loadstring("local t = {} t.end = 1") == nil, loadstring("local t = {end = 1}") == nil)
print(loadstring("goto = 1") == nil, loadstring("local continue = 1 return continue")())
local _ENV = "not special in 5.1"
print(_ENV)
local abc123_XYZ = 5
print(abc123_XYZ)
print(#[[]], #[==[]==], [[a]]..[[b]])
local f = function(s) return "<" .. s .. ">" end
print(f"str", f[[long]], f'single')
local o = {m = function(self, s) return type(s) == "table" and "table arg" or s .. "!" end}
print(o:m"x", o:m[[y]], o:m{1})
print(1--[[inline comment]]+--[==[another]==]2)
print("a" --[[ comment between ]] .. "b")
local x = 5 -- comment at end
print(x) --[[ block comment ]] print("after block")
print(0xA, 0Xb, 1e1, 1E1, .5, 5.)
print(not nil, - -1, #"#")
local long = [==[
]]still inside]=]
]==]
print(long)
local s = "a\
b"
print(s, #s)
print(loadstring("return 1 -- comment without newline at EOF")())
print(loadstring("return 'x' --[[ unterminated")==nil)
print(loadstring("x = [[unterminated") == nil, loadstring("x = [=[ ]] ]==]") == nil)
print(loadstring("return [[\n]]")() == "", loadstring("return [[\n\n]]")() == "\n")
