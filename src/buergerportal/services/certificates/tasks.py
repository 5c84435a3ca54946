"""Background tasks of the dispatch. Each takes ids, loads, and calls one function."""

from django_tasks import task

from .dispatch import order_posted_tell


@task()
def order_posted_tell_task(order_id: int) -> None:
    order_posted_tell(order_id=order_id)


@task()
def batch_render_task(batch_id: int) -> None:
    """Idempotent: a batch already rendered (or being rendered) is left alone."""
    from .rendering import batch_render

    batch_render(batch_id=batch_id)


@task()
def batches_render_due_task() -> int:
    """Periodic: batches whose render was lost or failed are enqueued again."""
    from .rendering import batches_render_due

    return batches_render_due()
