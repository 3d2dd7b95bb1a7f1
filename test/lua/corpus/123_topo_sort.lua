local deps = {
  app = {"lib", "utils", "config"},
  lib = {"utils", "core"},
  utils = {"core"},
  config = {},
  core = {},
  tests = {"app", "mock"},
  mock = {"core"},
}
local function topo(graph)
  local order, state = {}, {}
  local names = {}
  for k in pairs(graph) do names[#names + 1] = k end
  table.sort(names)
  local function visit(n, stack)
    if state[n] == "done" then return end
    if state[n] == "visiting" then error("cycle: " .. table.concat(stack, " -> ") .. " -> " .. n, 0) end
    state[n] = "visiting"
    stack[#stack + 1] = n
    local ds = {unpack(graph[n] or {})}
    table.sort(ds)
    for _, d in ipairs(ds) do visit(d, stack) end
    stack[#stack] = nil
    state[n] = "done"
    order[#order + 1] = n
  end
  for _, n in ipairs(names) do visit(n, {}) end
  return order
end
print(table.concat(topo(deps), " "))
deps.core = {"tests"}
print(pcall(topo, deps))
print(table.concat(topo({}), " ") == "")
print(table.concat(topo({z = {"y"}, y = {"x"}, x = {}}), " "))
