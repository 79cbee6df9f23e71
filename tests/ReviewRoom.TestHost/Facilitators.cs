using System.Diagnostics.CodeAnalysis;

namespace ReviewRoom.TestHost;

/// <summary>
/// Signed-in facilitators for one app on a fresh data folder: the administrator, set up with the
/// code from the log, the first time; after that a new account the administrator adds.
/// </summary>
[SuppressMessage("Reliability", "CA1001", Justification = "The administrator is handed to the first caller, who disposes it.")]
internal sealed class Facilitators(IRunningApp app)
{
    private Visitor? _administrator;
    private int _added;

    public async Task<Visitor> NewAsync()
    {
        if (_administrator is null)
        {
            _administrator = new Visitor(app);
            await _administrator.SetUpAsync("Fran Facilitator", "fran@example.org");
            return _administrator;
        }

        var number = Interlocked.Increment(ref _added);
        var email = $"facilitator{number}@example.org";
        await _administrator.AddFacilitatorAsync($"Facilitator {number}", email);
        var facilitator = new Visitor(app);
        await facilitator.SignInAsync(email);
        return facilitator;
    }
}
