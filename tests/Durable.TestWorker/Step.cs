using Microsoft.DurableTask;

namespace Workflows.Durable.TestWorker;

/// <summary>Records that it ran (its key), takes a little while, and adds one.</summary>
[DurableTask(nameof(Step))]
internal sealed class Step(Journal journal) : TaskActivity<StepInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, StepInput input)
    {
        journal.Record(input.Key);
        await Task.Delay(journal.Delay);
        return input.Count + 1;
    }
}
