using System.Diagnostics;
using Workflows.TestSupport;

namespace Workflows.Durable.Tests.Support;

/// <summary>A separate worker process (tests/Durable.TestWorker) on a shared store, that a test can kill.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];
    private int executions;

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    /// <summary>Activity executions this process has reported so far.</summary>
    public long Executions
    {
        get
        {
            lock (waiters)
            {
                return executions;
            }
        }
    }

    /// <summary>
    /// Starts a worker on <paramref name="store"/> (<c>sqlite:path</c> or <c>azure:hub</c>, the latter with
    /// <paramref name="azureConnectionString"/>) and waits until it says it is ready.
    /// </summary>
    public static async Task<WorkerProcess> StartAsync(string store, string? azureConnectionString, string journalDirectory, int leaseSeconds, int activityDelayMs, int concurrency = 32)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (azureConnectionString is not null)
        {
            start.Environment["DURABLE_TEST_AZURE_CONNECTION"] = azureConnectionString;
        }

        foreach (var argument in new[] { WorkerDll(), store, journalDirectory, leaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), activityDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture), concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var worker = new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("Could not start the test worker."));
        // Starting a process is no workload to measure: on a loaded machine it is only slow, so wait out a stall.
        await Progress.WhileMovingAsync(worker.ready.Task.WaitAsync, () => 0, "the test worker never said ready");
        return worker;
    }

    /// <summary>Completes once this process has started <paramref name="count"/> activity executions.</summary>
    public Task ExecutionsReached(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            if (executions >= count)
            {
                return Task.CompletedTask;
            }

            waiters.Add((count, reached));
        }

        return Progress.WhileMovingAsync(reached.Task.WaitAsync, () => Executions, $"waiting for {count} executions");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, leases left behind.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private static string WorkerDll()
    {
        // tests/Durable.Tests/bin/<Configuration>/<tfm>/ -> tests/Durable.TestWorker/bin/<Configuration>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var tests = here.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(tests, "Durable.TestWorker", "bin", configuration, tfm, "Workflows.Durable.TestWorker.dll");
    }

    private void OnLine(string? line)
    {
        if (Environment.GetEnvironmentVariable("DURABLE_TEST_LOG") is "1" && line is not null && !line.StartsWith("ran ", StringComparison.Ordinal))
        {
            File.AppendAllText(Path.Combine(Path.GetTempPath(), $"worker-{process.Id}.log"), line + Environment.NewLine);
        }

        if (line == "ready")
        {
            ready.TrySetResult();
        }
        else if (line?.StartsWith("ran ", StringComparison.Ordinal) == true)
        {
            lock (waiters)
            {
                executions++;
                foreach (var waiter in waiters.Where(w => w.Count <= executions).ToList())
                {
                    waiter.Reached.TrySetResult();
                    waiters.Remove(waiter);
                }
            }
        }
    }
}
