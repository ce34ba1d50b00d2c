namespace Steward.Probes.Http;

/// <summary>
/// A token bucket: <c>rate</c> tokens per second, holding at most <c>burst</c>. Each request takes one token and
/// waits until one is there, so over any window of t seconds at most <c>burst + rate·t</c> requests start.
/// </summary>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _rate;
    private readonly double _burst;
    private double _tokens;
    private long _last;

    public TokenBucket(double ratePerSecond, TimeProvider time, double burst = 1)
    {
        if (!(ratePerSecond > 0) || double.IsInfinity(ratePerSecond)) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), "must be a positive number");
        _rate = ratePerSecond;
        _burst = Math.Max(1, burst);
        _time = time;
        _tokens = _burst;
        _last = time.GetTimestamp();
    }

    /// <summary>Waits for a token; throws when cancelled first.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + _time.GetElapsedTime(_last, now).TotalSeconds * _rate);
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return;
            }
            var wait = TimeSpan.FromSeconds((1 - _tokens) / _rate);
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
