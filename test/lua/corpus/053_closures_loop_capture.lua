-- each iteration of a numeric for gets a fresh variable
local fs = {}
for i = 1, 5 do fs[#fs + 1] = function() return i end end
for _, f in ipairs(fs) do io.write(f(), " ") end print()
-- generic for: fresh bindings too
local gs = {}
for k, v in ipairs({"a", "b", "c"}) do gs[#gs + 1] = function() return k .. v end end
for _, g in ipairs(gs) do io.write(g(), " ") end print()
-- while loop with a local declared inside: fresh per iteration
local ws = {}
local j = 0
while j < 3 do
  j = j + 1
  local captured = j * 10
  ws[#ws + 1] = function() return captured end
end
for _, w in ipairs(ws) do io.write(w(), " ") end print()
-- while loop capturing the outer counter: shared
local shared = {}
local k = 0
while k < 3 do
  k = k + 1
  shared[#shared + 1] = function() return k end
end
for _, s in ipairs(shared) do io.write(s(), " ") end print()
-- repeat loop locals
local rs = {}
local r = 0
repeat
  r = r + 1
  local v = r
  rs[#rs + 1] = function() v = v + 100 return v end
until r >= 3
print(rs[1](), rs[1](), rs[2](), rs[3]())
-- modifying the captured loop variable inside the closure does not affect the loop
local mods = {}
for i = 1, 3 do
  mods[i] = function() i = i + 10 return i end
end
print(mods[1](), mods[1](), mods[2](), mods[3]())
-- two closures in the same iteration share the variable
local getters, setters = {}, {}
for i = 1, 2 do
  getters[i] = function() return i end
  setters[i] = function(v) i = v end
end
setters[1](99)
print(getters[1](), getters[2]())
-- nested loops
local grid = {}
for a = 1, 2 do
  for b = 1, 2 do
    grid[#grid + 1] = function() return a * 10 + b end
  end
end
for _, g in ipairs(grid) do io.write(g(), " ") end print()
-- closure created inside if/do blocks
local blocks = {}
for i = 1, 4 do
  if i % 2 == 0 then
    local even = "even" .. i
    blocks[#blocks + 1] = function() return even end
  else
    do
      local odd = "odd" .. i
      blocks[#blocks + 1] = function() return odd end
    end
  end
end
for _, b in ipairs(blocks) do io.write(b(), " ") end print()
-- pairs loop capture (sorted output)
local pfs = {}
for key, val in pairs({x = 1, y = 2, z = 3}) do pfs[#pfs + 1] = function() return key .. "=" .. val end end
local outs = {}
for _, f in ipairs(pfs) do outs[#outs + 1] = f() end
table.sort(outs)
print(table.concat(outs, " "))
