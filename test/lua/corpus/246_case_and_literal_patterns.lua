-- string.upper/lower on short and long strings with bytes >= 128 (C locale: only a-z/A-Z
-- change), and find/match called in loops with literal and special patterns in turn (the
-- library remembers its last scan of a pattern).
local samples = { "abc", "ABC", "a\181b", "\255x\223y\224z", "Hello, World!", "\0a\0B",
  string.rep("mixed Case \200\201 ", 3), string.rep("abcdefgh", 5), string.rep("ABC\128", 9) .. "def" }
for _, s in ipairs(samples) do
  local u, l = s:upper(), s:lower()
  print(#s, u:byte(1, -1))
  print(#s, l:byte(1, -1))
end
local subject = "key=value; id:00042 (x) a.b a%b a-b a)b a\0b end"
local patterns = { "id:", "id:(%d+)", "a.b", "a%.b", "a%%b", "a-b", "a)b", "a\0b", "end", "(x)", "%(x%)", "", "^key", "end$", "[" }
for round = 1, 3 do
  for _, p in ipairs(patterns) do
    for _, q in ipairs({ p, p .. "" }) do
      local ok1, a, b, c = pcall(string.find, subject, q)
      local ok2, m = pcall(string.match, subject, q)
      local ok3, x, y = pcall(string.find, subject, q, 1, true)
      if round == 3 then print(q:byte(1, -1)) print(ok1, a, b, c, ok2, m, ok3, x, y) end
    end
  end
end
-- the same pattern text built at run time, alternating with another
local built = table.concat({ "i", "d", ":" })
local hits = 0
for i = 1, 50 do
  if subject:find(i % 2 == 0 and built or "a.b") then hits = hits + 1 end
  if subject:match(i % 3 == 0 and built or "a-b") then hits = hits + 1 end
end
print(hits)
