local Inventory = {}
Inventory.__index = Inventory
function Inventory.new() return setmetatable({items = {}, log = {}}, Inventory) end
function Inventory:add(name, qty, price)
  local it = self.items[name]
  if it then it.qty = it.qty + qty
  else self.items[name] = {qty = qty, price = price} end
  self.log[#self.log + 1] = string.format("add %s x%d", name, qty)
end
function Inventory:remove(name, qty)
  local it = self.items[name]
  if not it then error("no such item: " .. name, 2) end
  if it.qty < qty then error(string.format("only %d %s left", it.qty, name), 2) end
  it.qty = it.qty - qty
  if it.qty == 0 then self.items[name] = nil end
  self.log[#self.log + 1] = string.format("remove %s x%d", name, qty)
end
function Inventory:total()
  local t = 0
  for _, it in pairs(self.items) do t = t + it.qty * it.price end
  return t
end
function Inventory:report()
  local names = {}
  for n in pairs(self.items) do names[#names + 1] = n end
  table.sort(names)
  local lines = {}
  for _, n in ipairs(names) do
    local it = self.items[n]
    lines[#lines + 1] = string.format("%-8s %4d @ %7.2f = %9.2f", n, it.qty, it.price, it.qty * it.price)
  end
  return table.concat(lines, "\n")
end
local inv = Inventory.new()
inv:add("widget", 10, 2.5)
inv:add("gadget", 3, 19.99)
inv:add("doohick", 100, 0.1)
inv:add("widget", 5, 2.5)
inv:remove("doohick", 40)
print(inv:report())
print(string.format("total %.2f", inv:total()))
print(pcall(inv.remove, inv, "sprocket", 1))
print(pcall(function() inv:remove("gadget", 5) end))
inv:remove("gadget", 3)
print(inv.items.gadget, #inv.log)
print(table.concat(inv.log, "; "))
-- simulate 30 days of sales with a deterministic generator
local seed = 7
local function rnd(n) seed = (seed * 16807) % 2147483647 return seed % n end
local sold = {widget = 0, doohick = 0}
for day = 1, 30 do
  for _, name in ipairs({"widget", "doohick"}) do
    local want = rnd(4)
    local ok = pcall(inv.remove, inv, name, want)
    if ok then sold[name] = sold[name] + want end
  end
  if day % 10 == 0 then inv:add("widget", 5, 2.5) end
end
print(sold.widget, sold.doohick)
print(inv:report())
