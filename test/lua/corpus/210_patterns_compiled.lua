-- Patterns used often enough to be compiled (roverc compiles a pattern after a few uses):
-- each case runs 20 times and prints its first and last result, so an interpreted and a
-- compiled match that disagree show up.
local function show(...)
  local n = select('#', ...)
  local t = {}
  for i = 1, n do t[i] = tostring((select(i, ...))) end
  return n .. ":" .. table.concat(t, ",")
end

local function rep(label, f)
  local first, last
  for i = 1, 20 do
    local ok, r = pcall(function() return show(f()) end)
    r = ok and r or ("error: " .. tostring(r))
    if i == 1 then first = r end
    last = r
  end
  print(label, first)
  if last ~= first then print(label, "DIFFERS", last) end
end

local subjects = {
  "hello world", "  padded  ", "key=value; other=42", "(a(b)c)d", "THE (quick) [brown] fox",
  "", "a", "aaa", "abcabc", "x=1,y=22,z=333", "tab\there", "end$", "^caret", "a.b.c", "\0nul\0",
  "caf\233 na\239ve", "f(a(b)c) g(h)", "THE quick BROWN fox", "123abc456", "   ",
}
local patterns = {
  "%a+", "%d+", "%s*", "%w+", "%p", "%u%l+", "[%a_][%w_]*", "[^%s]+", "[a-c]+", "[]]", "[^]]+",
  "^%s*(.-)%s*$", "(%w+)=(%w+)", "()%d()", "%b()", "%f[%a]%a+", "%f[%A]", "(a)%1", "(%a)(%a)%2%1",
  "a*", "a-b", "a?b?c", ".-%.", "%$$", "end%$", "^%^", "x^", "%.", "[%.%-]", "%z", "[%z]", "%x+",
  "%c", "[\128-\255]+", "(h)(e)(l)(l)(o)", "((a)(b))", "()", "^", "$", "(%d)(%d?)", "[0-9a-fA-F]+",
  "%s+$", "^(%w+)", "(.)%1", "%d%d?%d?", ".", "..", "a.-c", "[ab]-c", "(%b[])",
}

for pi, p in ipairs(patterns) do
  for si, s in ipairs(subjects) do
    rep(pi .. "/" .. si .. " find", function() return s:find(p) end)
    rep(pi .. "/" .. si .. " find3", function() return s:find(p, 3) end)
    rep(pi .. "/" .. si .. " match", function() return s:match(p) end)
    rep(pi .. "/" .. si .. " gsub", function() return s:gsub(p, "<%0>") end)
    rep(pi .. "/" .. si .. " gmatch", function()
      local out, k = {}, 0
      for a, b in s:gmatch(p) do
        k = k + 1
        out[#out + 1] = tostring(a) .. "|" .. tostring(b)
        if k > 50 then break end
      end
      return table.concat(out, " ")
    end)
  end
end

-- errors raised when the matcher reaches a faulty item, after some uses
for _, p in ipairs({ "%", "[a", "(a", "a)", "%b", "%ba", "%f", "%fa", "(a)%2", "%1", "%0", "[%", "((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))" }) do
  rep("bad " .. p .. " on x", function() return ("x"):find(p) end)
  rep("bad " .. p .. " on a", function() return ("aaa"):match(p) end)
  rep("bad " .. p .. " gsub", function() return ("abc"):gsub(p, "-") end)
end

-- replacement forms
local words = { hello = "HI", world = false, fox = 42 }
rep("table repl", function() return ("hello world fox cat"):gsub("%a+", words) end)
rep("fn repl", function() return ("a1b22c333"):gsub("(%a)(%d+)", function(a, d) return #d > 1 and d .. a or nil end) end)
rep("pos repl", function() return ("abc"):gsub("()", "%1") end)
rep("max n", function() return ("aaaa"):gsub("a", "b", 2) end)
rep("anchored", function() return ("aaaa"):gsub("^a", "b") end)
rep("empty", function() return ("abc"):gsub("", "-") end)
rep("x*", function() return ("abc"):gsub("x*", "-") end)
rep("bad repl", function() return ("abc"):gsub("(a)", "%2") end)
rep("bad value", function() return ("abc"):gsub("a", function() return {} end) end)
rep("pct", function() return ("50%"):gsub("%%", "%%%%") end)
