local function render(tpl, ctx)
  -- {{name}} variables, {{name|upper}} filters, {% for x in list %}...{% end %} loops
  local filters = {
    upper = string.upper, lower = string.lower,
    len = function(s) return tostring(#s) end,
    trim = function(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end,
  }
  tpl = tpl:gsub("{%%%s*for%s+(%w+)%s+in%s+(%w+)%s*%%}(.-){%%%s*end%s*%%}", function(var, list, body)
    local out = {}
    for i, item in ipairs(ctx[list] or {}) do
      local sub = setmetatable({[var] = item, index = tostring(i)}, {__index = ctx})
      out[#out + 1] = render(body, sub)
    end
    return table.concat(out)
  end)
  return (tpl:gsub("{{%s*([%w_.]+)%s*|?%s*(%w*)%s*}}", function(path, filter)
    local v = ctx
    for part in path:gmatch("[^.]+") do
      if type(v) ~= "table" then v = nil break end
      v = v[part]
    end
    if v == nil then return "{{missing:" .. path .. "}}" end
    v = tostring(v)
    if filter ~= "" then
      local f = filters[filter]
      if not f then error("unknown filter '" .. filter .. "'", 0) end
      v = f(v)
    end
    return v
  end))
end
local ctx = {
  title = "Report", user = {name = "Ada", role = "admin"}, count = 3,
  items = {"alpha", "beta", "gamma"}, padded = "   spaced   ",
}
print(render("<h1>{{title|upper}}</h1>", ctx))
print(render("User: {{ user.name }} ({{user.role|upper}}) has {{count}} items", ctx))
print(render("{% for it in items %}[{{index}}:{{it}}]{% end %}", ctx))
print(render("missing: {{nope}} {{user.nope}} {{title.x}}", ctx))
print(render("[{{padded|trim}}] len={{padded|len}}", ctx))
print(pcall(render, "{{title|bogus}}", ctx))
print(render("100% literal {{count}}%", ctx))
print(render("{% for x in none %}never{% end %}done", ctx))
local n = 0
local out = ("$a $b $a"):gsub("%$(%w+)", function(k) n = n + 1 return ({a = "A", b = "B"})[k] end)
print(out, n)
