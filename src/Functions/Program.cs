using Workflows.Durable;
using Workflows.Functions.Health;

var builder = WebApplication.CreateBuilder(args);

// Azure Functions passes the custom handler's port in FUNCTIONS_CUSTOMHANDLER_PORT; 7071 is the Functions default locally.
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") ?? "7071";
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls($"http://localhost:{port}");
}

var dataDirectory = builder.Configuration["DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "data");
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDurableTask(durable => durable.UseSqlite(Path.Combine(dataDirectory, "durable.db")));

var app = builder.Build();
app.MapHealth();
app.Run();
