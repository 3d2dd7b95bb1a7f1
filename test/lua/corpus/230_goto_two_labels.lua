-- goto between two labels of one block: a local declared between them and captured by a
-- closure is kept by a jump back to the second label and made fresh by one to the first.
local log = {}
local a = 0
::first::
local between = a
local getb = function() return between end
::second::
between = between + 10
log[#log + 1] = getb
if #log % 2 == 1 then goto second end
a = a + 1
if a < 3 then goto first end
for _, g in ipairs(log) do io.write(g(), ' ') end print()

-- three labels, two captured locals, jumps to each label from nested blocks
local function three()
  local fs, n1, n2 = {}, 0, 0
  ::l1::
  local p = {n1}
  ::l2::
  local q = n2
  fs[#fs + 1] = function() q = q + 1; p[1] = p[1] + 1; return p[1], q end
  ::l3::
  n2 = n2 + 1
  do
    if n2 % 3 == 1 then goto l3 end
    while true do
      if n2 % 3 == 2 then goto l2 end
      break
    end
  end
  n1 = n1 + 1
  if n1 < 3 then goto l1 end
  for i, f in ipairs(fs) do print(i, f()) end
end
three()

-- repeat-until whose body is a goto block: the test sees the fresh local of the pass
local rs = {}
local i = 0
repeat
  ::a::
  local x = i
  rs[#rs + 1] = function() return x end
  i = i + 1
  if i == 2 then goto a end
until x >= 3
for _, f in ipairs(rs) do io.write(f(), ' ') end print()

-- nested loops with continue-style labels, closures updating their own pass's local
local cl = {}
for i = 1, 3 do
  for j = 1, 3 do
    local v = i * 10 + j
    if j == 2 then goto continue end
    cl[#cl + 1] = function() v = v + 1; return v end
    ::continue::
  end
  local w = i
  if i == 2 then goto next_i end
  cl[#cl + 1] = function() return w end
  ::next_i::
end
for _, f in ipairs(cl) do io.write(f(), ' ') end print()
for _, f in ipairs(cl) do io.write(f(), ' ') end print()

-- a jump to the end label from before a captured local (allowed: the label ends the block)
local ends = {}
for k = 1, 5 do
  if k % 2 == 0 then goto done end
  local kk = k * 2
  ends[#ends + 1] = function() return kk end
  if k == 3 then goto done end
  ::again::
  kk = kk + 1
  if kk % 3 ~= 0 then goto again end
  ::done::
end
for _, f in ipairs(ends) do io.write(f(), ' ') end print()
