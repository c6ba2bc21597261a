namespace Workflows.Durable.TestWorker;

/// <summary>An append-only record of activity executions, flushed per line so a killed process loses none.</summary>
internal sealed class Journal(string path, TimeSpan delay)
{
    private readonly Lock gate = new();

    public TimeSpan Delay { get; } = delay;

    public void Record(string key)
    {
        lock (gate)
        {
            File.AppendAllText(path, key + "\n");
            Console.WriteLine("ran " + key);
        }
    }
}
