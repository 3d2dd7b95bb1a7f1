-- in luajit 2.1 'goto' is only a keyword when followed by a name
goto_count = 0
local t = {goto = "field named goto"}
print(t.goto, t["goto"])
local goto = 5
print(goto + 1)
goto = goto * 2
print(goto)
for i = 1, 3 do
  if i == 2 then goto skip end
  io.write(i, " ")
  ::skip::
end
print()
local function f(goto) return goto end
print(f("param named goto"))
