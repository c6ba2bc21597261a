using System.Diagnostics;
using System.Text.Json;
using Workflows.Functions.CustomHandler;
using Workflows.Functions.Tests.Support;
using Workflows.Functions.Timers;

using Workflows.TestSupport;

namespace Workflows.Functions.Tests.CustomHandler;

public sealed class FunctionManifestTests
{
    [Fact]
    public void Functions_HaveTheHttpCatchAll_TheQueueWakeUp_AndOneTimerTriggerPerTimer()
    {
        var timers = new[] { new TimerFunction("WheelTick", "0 0 6 * * *", (_, _, _) => Task.CompletedTask) };

        var functions = FunctionManifest.Functions(timers);

        Assert.Equal(["EngineWakeUp", "Http", "WheelTick"], functions.Keys.Order());
        var http = functions["Http"]["bindings"]![0]!;
        Assert.Equal(("httpTrigger", "{*path}", "anonymous"), ((string)http["type"]!, (string)http["route"]!, (string)http["authLevel"]!));
        Assert.Equal("%DurableWakeUpQueue%", (string)functions["EngineWakeUp"]["bindings"]![0]!["queueName"]!);
        Assert.Equal("0 0 6 * * *", (string)functions["WheelTick"]["bindings"]![0]!["schedule"]!);
    }

    [Fact]
    public void HostJson_ForwardsHttpRequestsToTheExecutable()
    {
        var host = FunctionManifest.HostJson("Workflows.Functions");

        Assert.True((bool)host["customHandler"]!["enableForwardingHttpRequest"]!);
        Assert.Equal("Workflows.Functions", (string)host["customHandler"]!["description"]!["defaultExecutablePath"]!);
        Assert.Equal(string.Empty, (string)host["extensions"]!["http"]!["routePrefix"]!);
    }

    [Fact]
    public async Task Publish_ProducesAZipDeployableFolder()
    {
        var output = Path.Combine(Path.GetTempPath(), "functions-publish", Guid.NewGuid().ToString("N"));
        var publish = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryRoot.Path, "src", "Functions", "Functions.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "-o", output })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish)!;
        var log = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await log);

        try
        {
            using var host = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json")));
            Assert.Equal("Workflows.Functions", host.RootElement.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString());
            Assert.True(File.Exists(Path.Combine(output, "Workflows.Functions")), "the self-contained executable");
            Assert.True(File.Exists(Path.Combine(output, "Http", "function.json")));
            Assert.True(File.Exists(Path.Combine(output, "EngineWakeUp", "function.json")));
            Assert.False(File.Exists(Path.Combine(output, "local.settings.json")), "local settings are never deployed");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
