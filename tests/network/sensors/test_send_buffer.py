"""The unacknowledged readings: replies match the oldest, a full buffer drops the oldest and says so, a lost
connection sends again what it had in flight."""

from network.sensors.send_buffer import Batch, SendBuffer


def filled(capacity, count):
    """Readings 1 to `count`, each with timestamp n and temperature -n."""
    buffer = SendBuffer(capacity)
    for n in range(1, count + 1):
        buffer.add(float(n), float(-n))
    return buffer


def batch(first, last, resent=0):
    numbers = range(first, last + 1)
    return Batch(first, [float(n) for n in numbers], [float(-n) for n in numbers], resent)


def test_readings_are_taken_oldest_first_with_their_seq():
    buffer = filled(10, 5)
    assert buffer.take(3) == batch(1, 3)
    assert buffer.take(10) == batch(4, 5)
    assert buffer.take(10) == Batch(6, [], [], 0)


def test_replies_answer_the_oldest_readings_in_flight():
    buffer = filled(10, 5)
    buffer.take(3)
    assert buffer.answer(2) == 2
    assert (len(buffer), buffer.in_flight, buffer.waiting, buffer.first_seq) == (3, 1, 2, 3)


def test_a_full_buffer_drops_the_oldest_and_counts_each():
    buffer = filled(3, 5)
    assert buffer.dropped == 2
    assert buffer.take(10) == batch(3, 5)


def test_the_reply_to_a_reading_dropped_in_flight_is_not_taken_for_the_next_one():
    buffer = filled(3, 3)
    buffer.take(3)
    buffer.add(4.0, -4.0)
    assert buffer.dropped == 1
    assert buffer.answer(1) == 0, "this reply was for reading 1, dropped"
    assert buffer.answer(1) == 1
    assert buffer.take(10) == batch(4, 4)


def test_a_lost_connection_puts_what_was_in_flight_first_and_counts_it_as_resent():
    buffer = filled(10, 4)
    buffer.take(2)
    buffer.requeue()
    assert (buffer.in_flight, buffer.waiting) == (0, 4)
    assert buffer.take(3) == batch(1, 3, resent=2)
    assert buffer.take(3) == batch(4, 4)


def test_replies_of_a_lost_connection_are_not_awaited_any_more():
    buffer = filled(2, 2)
    buffer.take(2)
    buffer.add(3.0, -3.0)
    buffer.requeue()
    buffer.take(2)
    assert buffer.answer(2) == 2
    assert len(buffer) == 0


def test_dropping_a_reading_waiting_to_be_resent_leaves_the_count_of_resends_right():
    buffer = filled(2, 2)
    buffer.take(2)
    buffer.requeue()
    buffer.add(3.0, -3.0)
    assert buffer.take(5) == batch(2, 3, resent=1)


def test_a_long_run_keeps_only_what_is_unanswered():
    buffer = SendBuffer(100)
    for n in range(1, 50_001):
        buffer.add(float(n), float(-n))
        if n % 10 == 0:
            buffer.take(10)
            buffer.answer(10)
    buffer.add(50_001.0, -50_001.0)
    buffer.add(50_002.0, -50_002.0)
    buffer.take(1)
    assert buffer.answer(1) == 1
    assert buffer.take(10) == batch(50_002, 50_002)
    assert (len(buffer), buffer.dropped) == (1, 0)
