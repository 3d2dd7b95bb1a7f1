-- luajit's lexer messages as load/loadstring return them: every bad escape is an
-- "invalid escape sequence" near the string read so far (its quote and decoded text).
local cases = {
  'return "ab\\xZZ"', 'return "ab\\x4"', 'return "abc\\300"', 'return "abc\\q"',
  'return "abc\\u{12"', 'return "abc\\u12"', 'return "abc\\u{110000}"',
  'x = "a\\tb\\65\\x41\\z  \n  c\\\nd\\q"', 'x = [[a]] .. "\\\\\\q"',
  '-- "\\q"\nx = "a\\u{41}b\\u{FFFFFF}"', "x = 'it''s\\q'", '--[==[ "\\q" ]==] x = "\\\'\\"\\q"',
  -- strings and comments that do not end
  'return "ab\ncd"', 'x = "abc\r\n"', 'x = 1\nx = "abc\ny"', 'return "ab',
  'return [[abc', 'return 1 --[[ abc', 'return 1 --[==[ abc\n\n', 'x = [==[ abc\n\n]=]',
}
for _, src in ipairs(cases) do print(select(2, loadstring(src))) end
-- a chunk name ends at the first \r as well as \n
print(pcall(loadstring('x = 1\rerror("here")')))
