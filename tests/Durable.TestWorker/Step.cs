namespace Workflows.Durable.TestWorker;

/// <summary>Records that it ran (instance and task id), takes a little while, and adds one.</summary>
[DurableTask("Step")]
internal sealed class Step(Journal journal) : TaskActivity<int, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, int input)
    {
        journal.Record(context.IdempotencyKey);
        await Task.Delay(journal.Delay);
        return input + 1;
    }
}
