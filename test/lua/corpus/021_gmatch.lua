for w in ("one two three"):gmatch("%a+") do io.write(w, ";") end print()
for k, v in ("a=1, b=2, c=3"):gmatch("(%w+)=(%w+)") do io.write(k, "->", v, " ") end print()
for p in ("abc"):gmatch("()") do io.write(p, " ") end print()
for m in ("abc"):gmatch("") do io.write("[", m, "]") end print()
for m in ("aaa"):gmatch("a*") do io.write("[", m, "]") end print()
for m in ("a1b22c333"):gmatch("%d+") do io.write(m, ",") end print()
for m in ("hello"):gmatch("^h") do io.write("anchor:", m, " ") end print()
for a, b in ("k1:v1;k2:v2"):gmatch("(%w+):(%w+)") do io.write(a, b, "|") end print()
local it = ("x y z"):gmatch("%a")
print(it(), it(), it(), it())
local words = {}
for w in ("The quick brown fox"):gmatch("%S+") do words[#words + 1] = w end
print(#words, table.concat(words, "_"))
for line in ("l1\nl2\n\nl4"):gmatch("([^\n]*)\n?") do io.write("<", line, ">") end print()
for num in ("3.14 -2 +7 1e3"):gmatch("[+-]?%d+%.?%d*") do io.write(num, " ") end print()
local csv = "a,,b,c,"
for field in (csv .. ","):gmatch("([^,]*),") do io.write("(", field, ")") end print()
for a, b in ("abcd"):gmatch("(.)(.)") do io.write(b, a) end print()
for m in ("one"):gmatch("(o)(n)") do print(m) end
local n = 0
for _ in string.gmatch(("ab"):rep(50), "ab") do n = n + 1 end
print(n)
for k in ("[a][bb][]"):gmatch("%[(.-)%]") do io.write("{", k, "}") end print()
for a in ("a.b.c"):gmatch("[^.]+") do io.write(a) end print()
-- in gmatch a leading '^' is not an anchor (Lua 5.1 semantics): it is literal
for m in ("^h^h"):gmatch("^h") do io.write("lit:", m, " ") end print()
