using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Functions.Timers;

namespace Workflows.Functions.CustomHandler;

/// <summary>
/// The Azure Functions files for this app as a custom handler: <c>host.json</c> and one <c>function.json</c> per
/// function (the HTTP catch-all, each timer, the engine's queue wake-up), made from the same definitions the app runs.
/// </summary>
public static class FunctionManifest
{
    /// <summary>The HTTP catch-all function; its requests are forwarded to the app as they are.</summary>
    public const string HttpFunction = "Http";

    /// <summary>The queue-triggered function that starts the app when a durable timer falls due.</summary>
    public const string WakeUpFunction = "EngineWakeUp";

    /// <summary>The queue trigger's binding name: the key of the message in an invocation's <c>Data</c>.</summary>
    public const string WakeUpBinding = "message";

    /// <summary>The app setting naming the queue of due-timer notices (see <c>IDueWorkNotices</c>); the host reads it too.</summary>
    public const string WakeUpQueueSetting = "DurableWakeUpQueue";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>host.json: the custom handler's executable, request forwarding, and no route prefix.</summary>
    public static JsonObject HostJson(string executable) => new()
    {
        ["version"] = "2.0",
        ["extensionBundle"] = new JsonObject
        {
            ["id"] = "Microsoft.Azure.Functions.ExtensionBundle",
            ["version"] = "[4.*, 5.0.0)",
        },
        ["extensions"] = new JsonObject { ["http"] = new JsonObject { ["routePrefix"] = string.Empty } },
        ["customHandler"] = new JsonObject
        {
            ["description"] = new JsonObject
            {
                ["defaultExecutablePath"] = executable,
                ["workingDirectory"] = string.Empty,
                ["arguments"] = new JsonArray(),
            },
            ["enableForwardingHttpRequest"] = true,
        },
    };

    /// <summary>Every function.json, by function name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Functions(IEnumerable<TimerFunction> timers)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var functions = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            [HttpFunction] = Bindings(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray("get", "post", "put", "patch", "delete"),
                    ["route"] = "{*path}",
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
            [WakeUpFunction] = Bindings(new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = WakeUpBinding,
                ["queueName"] = $"%{WakeUpQueueSetting}%",
                ["connection"] = "AzureWebJobsStorage",
            }),
        };
        foreach (var timer in timers)
        {
            functions[timer.Name] = Bindings(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = "timer",
                ["schedule"] = timer.Schedule,
                ["useMonitor"] = true,
            });
        }

        return functions;
    }

    /// <summary>Writes host.json and the function folders into <paramref name="directory"/>.</summary>
    public static void Write(string directory, string executable, IEnumerable<TimerFunction> timers)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "host.json"), HostJson(executable).ToJsonString(Indented));
        foreach (var (name, function) in Functions(timers))
        {
            var folder = Path.Combine(directory, name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), function.ToJsonString(Indented));
        }
    }

    private static JsonObject Bindings(params JsonObject[] bindings) => new() { ["bindings"] = new JsonArray(bindings) };
}
