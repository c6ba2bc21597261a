using System.Diagnostics;
using Xunit;

namespace Workflows.TestSupport;

/// <summary>
/// A real Azurite (npm package <c>azurite</c>, pinned in tools/azurite) on free 127.0.0.1 ports with in-memory
/// storage. Installs it with <c>npm ci</c> when missing. Fails, never skips, when it cannot run.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    /// <summary>The emulator's fixed development account key (public, from Azurite's documentation).</summary>
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lock InstallGate = new();
    private Process? process;
    private string? workingDirectory;

    public string ConnectionString { get; private set; } = string.Empty;

    public int BlobPort { get; private set; }

    public async Task InitializeAsync()
    {
        var tools = System.IO.Path.Combine(RepositoryRoot.Path, "tools", "azurite");
        EnsureInstalled(tools);
        (BlobPort, var queuePort, var tablePort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[]
        {
            System.IO.Path.Combine(tools, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--skipApiVersionCheck", "--inMemoryPersistence", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", Port(BlobPort),
            "--queueHost", "127.0.0.1", "--queuePort", Port(queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(tablePort),
        })
        {
            start.ArgumentList.Add(argument);
        }

        var listening = 0;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started for Azurite.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (e.Data.Contains("successfully listening", StringComparison.Ordinal) && Interlocked.Increment(ref listening) == 3)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.Add(e.Data ?? string.Empty);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task)
        {
            string log;
            lock (output)
            {
                log = string.Join(Environment.NewLine, output);
            }

            throw new InvalidOperationException($"Azurite did not start:{Environment.NewLine}{log}");
        }

        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={DevelopmentKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        if (workingDirectory is not null)
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static void EnsureInstalled(string tools)
    {
        lock (InstallGate)
        {
            if (File.Exists(System.IO.Path.Combine(tools, "node_modules", "azurite", "dist", "src", "azurite.js")))
            {
                return;
            }

            var install = new ProcessStartInfo("npm") { UseShellExecute = false, WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                install.ArgumentList.Add(argument);
            }

            using var npm = Process.Start(install) ?? throw new InvalidOperationException("npm is needed to install Azurite.");
            var errors = npm.StandardError.ReadToEndAsync();
            npm.StandardOutput.ReadToEnd();
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci for Azurite failed: {errors.Result}");
            }
        }
    }

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

}
