using Workflows.Functions.CustomHandler;
using Workflows.Functions.Hosting;
using Workflows.Functions.Timers;

var builder = WebApplication.CreateSlimBuilder(args);

// In Azure the Functions host passes the custom handler's port; locally 7071 is the Functions default.
var port = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT") ?? "7071";
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls($"http://localhost:{port}");
}

builder.AddFunctionsHost();
var app = builder.Build();

// `emit-functions <folder>`: write host.json and the function.json files (the publish step calls this).
if (args is ["emit-functions", var folder])
{
    FunctionManifest.Write(folder, "Workflows.Functions", app.Services.GetServices<TimerFunction>());
    return 0;
}

app.MapFunctionsHost();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to tests that host the app in memory.</summary>
public partial class Program;
