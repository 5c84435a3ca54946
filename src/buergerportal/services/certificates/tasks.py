from django_tasks import task

from .dispatch import order_posted_tell


@task()
def order_posted_tell_task(order_id: int) -> None:
    order_posted_tell(order_id=order_id)
