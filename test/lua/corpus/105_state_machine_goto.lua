-- a lexer for numbers written as a goto-based state machine
local function classify(s)
  local i = 0
  local c
  local function nextc() i = i + 1 c = s:sub(i, i) end
  nextc()
  if c == "+" or c == "-" then nextc() end
  ::int::
  if c:match("%d") then nextc() goto int_more end
  do return "invalid" end
  ::int_more::
  if c:match("%d") then nextc() goto int_more end
  if c == "." then nextc() goto frac end
  if c == "e" or c == "E" then nextc() goto exp_sign end
  if c == "" then return "integer" end
  do return "invalid" end
  ::frac::
  if c:match("%d") then nextc() goto frac end
  if c == "e" or c == "E" then nextc() goto exp_sign end
  if c == "" then return "decimal" end
  do return "invalid" end
  ::exp_sign::
  if c == "+" or c == "-" then nextc() end
  if not c:match("%d") then return "invalid" end
  ::exp::
  if c:match("%d") then nextc() goto exp end
  if c == "" then return "scientific" end
  return "invalid"
end
for _, s in ipairs({"42", "-7", "3.14", "1.", "1e10", "2.5E-3", "e5", "1e", "+", "12a", "", "0.0e+0"}) do
  print(string.format("%-8q %s", s, classify(s)))
end
-- traffic light state machine with a transition table
local transitions = {green = "yellow", yellow = "red", red = "green"}
local durations = {green = 3, yellow = 1, red = 2}
local state, t, log = "green", 0, {}
for tick = 1, 12 do
  t = t + 1
  if t >= durations[state] then state = transitions[state] t = 0 end
  log[#log + 1] = state:sub(1, 1)
end
print(table.concat(log))
-- vending machine with goto-driven loop
local coins = {25, 25, 10, 5, 25, 100}
local idx, credit, vended = 0, 0, {}
::waiting::
idx = idx + 1
if idx > #coins then goto finished end
credit = credit + coins[idx]
if credit >= 60 then goto vend end
goto waiting
::vend::
vended[#vended + 1] = "item(change " .. (credit - 60) .. ")"
credit = 0
goto waiting
::finished::
print(table.concat(vended, ", "), "credit left", credit)
