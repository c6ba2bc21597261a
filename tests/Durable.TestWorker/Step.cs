using Microsoft.DurableTask;

namespace Workflows.Durable.TestWorker;

/// <summary>Records that it ran (its key), takes a little while, and adds one.</summary>
[Microsoft.DurableTask.DurableTask(nameof(Step))]
internal sealed class Step(Journal journal) : Microsoft.DurableTask.TaskActivity<StepInput, int>
{
    public override async Task<int> RunAsync(Microsoft.DurableTask.TaskActivityContext context, StepInput input)
    {
        journal.Record(input.Key);
        await Task.Delay(journal.Delay);
        return input.Count + 1;
    }
}
